#pragma once
// The data-subject request log and the CCPA "do not sell or share" flag
// (issue 13 items 6 and 7): callable with no HTTP, audited.
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/privacy/requests_model.hpp"
#include "resource/page.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::privacy {

// "2026-01-01" + 30 days (GDPR) or 45 days (CCPA); nullopt for a bad date.
std::optional<std::string> due_on(std::string_view received_on, std::string_view regime);

Expected<resource::Items<PrivacyRequestView>, ApiError> list_requests(store::OrgTx& tx,
                                                                      std::int64_t now);
Expected<PrivacyRequestView, ApiError> create_request(store::OrgTx& tx, const audit::Actor& by,
                                                      const NewPrivacyRequest& in,
                                                      std::int64_t now);
Expected<PrivacyRequestView, ApiError> complete_request(store::OrgTx& tx, const audit::Actor& by,
                                                        std::int64_t id, std::int64_t now);
// Open requests due before today: the owner's dashboard card.
std::int64_t overdue_count(store::OrgTx& tx, std::int64_t now);

Expected<DoNotSellView, ApiError> do_not_sell(store::OrgTx& tx, std::int64_t customer);
Expected<DoNotSellView, ApiError> set_do_not_sell(store::OrgTx& tx, const audit::Actor& by,
                                                  std::int64_t customer, const DoNotSellChange& in,
                                                  std::int64_t now);

}  // namespace bulwark::domain::privacy
