#pragma once
// Telling a signed-in requester why their request was declined (issue 14
// item 6): a requester who filed in the app (work_requests.filed_by) gave no
// phone, so the reason goes by email to their account's address, through
// the email outbox in the transaction of the decision. Transactional mail
// to one of the organization's own users: no List-Unsubscribe. A request
// from the public form with a phone keeps the text (decline_text.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

// "queued", or nothing when the account is gone, deactivated or its
// address cannot be mailed.
std::optional<std::string> queue_decline_email(store::OrgTx& tx, std::int64_t request_id,
                                               std::int64_t requester_id,
                                               const std::string& description,
                                               const std::string& reason, std::int64_t now);

}  // namespace bulwark::domain::requests
