#pragma once
// /api/v1/auth: login, logout, me, password change. They answer with
// http::Response (they set or clear the session cookies); their bodies are
// read and written through the descriptions in domain/users/auth_model.hpp.
#include "api/endpoint.hpp"
#include "domain/users/auth_model.hpp"

namespace bulwark::api {

using domain::users::LoginRequest;
using domain::users::PasswordChange;
using domain::users::SessionView;

Result<http::Response> login(Ctx& ctx, const Body<LoginRequest>& in);
Result<http::Response> logout(Ctx& ctx);
Result<SessionView> me(Ctx& ctx);
Result<http::Response> change_password(Ctx& ctx, const Body<PasswordChange>& in);

}  // namespace bulwark::api
