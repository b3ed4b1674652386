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

// The session and CSRF cookies of a new session, on any answer (the SSO
// callback answers an HTML page).
void set_session_cookies(http::Response& res, const identity::NewSession& session,
                         const identity::SessionPolicy& policy);

// The answer of any sign-in (log-in, an accepted invitation): the view, with
// the session and CSRF cookies.
http::Response signed_in_response(const SessionView& view, const identity::NewSession& session,
                                  const identity::SessionPolicy& policy);

// After a sign-in from a person's browser (password, second factor, SSO, an
// accepted invitation): labels the session with its device and, when the
// browser is new to the account, sets the device cookie and emails the
// person (domain/users/new_device.hpp).
void note_sign_in_device(Ctx& ctx, http::Response& res, std::int64_t org_id, std::int64_t user_id,
                         std::int64_t session_id);

}  // namespace bulwark::api
