#pragma once
// One-click unsubscribe from service-reminder email (RFC 8058, CAN-SPAM):
// the link's token (purpose 'unsubscribe', subject the customer; made by
// mail/unsubscribe.hpp when the mail is sent) is the credential. GET shows
// whose mail it is and whether the customer still gets it; POST records a
// marketing-consent row (channel email, granted 0, source "unsubscribe
// link"), so no further reminder email goes. A second POST records nothing
// more and answers the same. Nothing else of the organization is shown.
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/links/tokens.hpp"
#include "resource/fields.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::service_plans {

struct UnsubscribeView {
  std::string organization;  // the organization's name
  bool subscribed = false;   // the customer's latest email consent is "granted"
};
BULWARK_RESOURCE(UnsubscribeView, organization, subscribed)

inline constexpr std::string_view kUnsubscribeSource = "unsubscribe link";

// A customer that is gone answers 404 link_not_found, like a bad token.
Expected<UnsubscribeView, ApiError> unsubscribe_state(store::OrgTx& tx,
                                                      const links::ResolvedLink& link);
// Audited as marketing_consent.revoked (actor customer_link) when it
// changes something.
Expected<UnsubscribeView, ApiError> unsubscribe(store::OrgTx& tx, const links::ResolvedLink& link,
                                                const audit::Actor& by, std::int64_t now);

}  // namespace bulwark::domain::service_plans
