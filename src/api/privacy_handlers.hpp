#pragma once
// One customer's export and erasure (issue 13 item 6), owners and admins
// only; the rules live in domain/privacy/service.cpp.
#include "api/endpoint.hpp"
#include "domain/privacy/model.hpp"

namespace bulwark::api {

// GET /api/v1/customers/{id}/export: a ZIP download, audited.
Result<http::Response> export_customer(Ctx& ctx, PathId id);
// POST /api/v1/customers/{id}/erase {reason, confirm}
Result<domain::privacy::EraseCounts> erase_customer(Ctx& ctx, PathId id,
                                                    LateBody<domain::privacy::EraseRequest> in);

}  // namespace bulwark::api
