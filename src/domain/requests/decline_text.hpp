#pragma once
// Telling a requester why their request was declined (issue 14 item 6): a
// text to the number they gave, through the SMS outbox in the transaction
// of the decision. A requester is no customer, so the row names no customer
// (customer_id NULL) and the sender texts the message's own sealed number;
// the number's consent (sms_consent) is checked here and again before
// sending, so a number that texted STOP gets nothing.
#include <optional>
#include <string>

#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

// "queued" or "suppressed" (opted out).
std::string queue_decline_text(store::OrgTx& tx, std::int64_t request_id,
                               const std::string& phone_e164, const std::string& reason,
                               std::int64_t now);

}  // namespace bulwark::domain::requests
