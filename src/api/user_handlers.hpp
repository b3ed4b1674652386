#pragma once
// /api/v1/users (admins), session revocation, and /api/v1/audit.
// The rules live in domain/users/service.cpp.
#include "api/endpoint.hpp"
#include "domain/users/model.hpp"

namespace bulwark::api {

using domain::users::AuditPage;
using domain::users::InvitedUser;
using domain::users::NewUser;
using domain::users::SessionsEnded;
using domain::users::User;
using domain::users::UserChange;
using domain::users::UserPage;

Result<UserPage> list_users(Ctx& ctx);
Result<Created<InvitedUser>> create_user(Ctx& ctx, const Body<NewUser>& in);
Result<User> update_user(Ctx& ctx, PathId id, Body<UserChange> in);
Result<SessionsEnded> revoke_user_sessions(Ctx& ctx, PathId id);
Result<SessionsEnded> revoke_org_sessions(Ctx& ctx);
Result<AuditPage> list_audit(Ctx& ctx);

}  // namespace bulwark::api
