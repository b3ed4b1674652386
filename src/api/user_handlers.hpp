#pragma once
// /api/v1/users (admins), session revocation, and /api/v1/audit.
// The rules live in domain/users/service.cpp.
#include "api/endpoint.hpp"
#include "domain/users/model.hpp"

namespace bulwark::api {

namespace users = domain::users;

Result<users::UserPage> list_users(Ctx& ctx);
Result<users::User> update_user(Ctx& ctx, PathId id, Body<users::UserChange> in);
Result<users::SessionsEnded> revoke_user_sessions(Ctx& ctx, PathId id);
Result<users::SessionsEnded> revoke_org_sessions(Ctx& ctx);
Result<users::AuditPage> list_audit(Ctx& ctx);

}  // namespace bulwark::api
