#pragma once
// The audit log's filters, read once for the list and for the export.
#include <initializer_list>
#include <string_view>

#include "api/endpoint.hpp"
#include "api/query_params.hpp"
#include "audit/audit_log.hpp"

namespace bulwark::api {

// action, actor_id, outcome, since, until, before (and `extra` names the
// caller reads itself); the organization is the principal's.
audit::Query audit_filters(const Ctx& ctx, const QueryParams& q);

}  // namespace bulwark::api
