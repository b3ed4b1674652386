#pragma once
// /api/v1/auth: login, logout, me, password change. They answer with
// http::Response (they set or clear the session cookies); their bodies are
// read and written through the descriptions in domain/users/auth_model.hpp.
#include "api/endpoint.hpp"
#include "domain/users/auth_model.hpp"
#include "identity/sessions.hpp"

namespace bulwark::api {

using domain::users::LoginRequest;
using domain::users::PasswordChange;
using domain::users::SessionView;

Result<http::Response> login(Ctx& ctx, const Body<LoginRequest>& in);
Result<http::Response> logout(Ctx& ctx);
Result<SessionView> me(Ctx& ctx);
Result<http::Response> change_password(Ctx& ctx, const Body<PasswordChange>& in);

// The answer of any sign-in (log-in, an accepted invitation): the view, with
// the session and CSRF cookies.
http::Response signed_in_response(const SessionView& view, const identity::NewSession& session,
                                  const identity::SessionPolicy& policy);
// Only the cookies (the SSO callback answers an HTML page).
void set_session_cookies(http::Response& res, const identity::NewSession& session,
                         const identity::SessionPolicy& policy);

}  // namespace bulwark::api
