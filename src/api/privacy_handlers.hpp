#pragma once
// One customer's export and erasure (issue 13 item 6), owners and admins
// only; the rules live in domain/privacy/service.cpp.
#include "api/endpoint.hpp"
#include "domain/privacy/model.hpp"
#include "domain/privacy/requests_model.hpp"

namespace bulwark::api {

// GET /api/v1/customers/{id}/export: a ZIP download, audited.
Result<http::Response> export_customer(Ctx& ctx, PathId id);
// POST /api/v1/customers/{id}/erase {reason, confirm}
Result<domain::privacy::EraseCounts> erase_customer(Ctx& ctx, PathId id,
                                                    LateBody<domain::privacy::EraseRequest> in);

// The data-subject request log: /api/v1/privacy-requests.
Result<Items<domain::privacy::PrivacyRequestView>> list_privacy_requests(Ctx& ctx);
Result<Created<domain::privacy::PrivacyRequestView>> create_privacy_request(
    Ctx& ctx, Body<domain::privacy::NewPrivacyRequest> in);
Result<domain::privacy::PrivacyRequestView> complete_privacy_request(Ctx& ctx, PathId id);

// CCPA "do not sell or share": /api/v1/customers/{id}/do-not-sell.
Result<domain::privacy::DoNotSellView> get_do_not_sell(Ctx& ctx, PathId id);
Result<domain::privacy::DoNotSellView> set_do_not_sell(
    Ctx& ctx, PathId id, LateBody<domain::privacy::DoNotSellChange> in);

}  // namespace bulwark::api
