#pragma once
// Sending a customer link the office just made: by text through the SMS
// outbox (template kind "customer_link") or by email through mail::enqueue,
// both in the transaction that made the link, so a link that was not made
// is never sent. The outboxes seal the message (it holds the token).
#include <optional>
#include <string>
#include <string_view>

#include "domain/links/tokens.hpp"
#include "domain/work_orders/model.hpp"

namespace bulwark::domain::links {

// "queued", or "suppressed" (the customer opted out of texts: nothing goes
// out); 409 no_customer_phone / no_customer_email when there is nowhere to
// send it.
Expected<std::string, ApiError> send_link(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                                          std::string_view by, Purpose purpose,
                                          std::int64_t link_id, std::string_view url,
                                          std::int64_t now);

}  // namespace bulwark::domain::links
