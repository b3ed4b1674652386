#include "api/routes.hpp"

#include "api/auth_handlers.hpp"
#include "api/system_handlers.hpp"
#include "api/user_handlers.hpp"

namespace bulwark::api {

using http::Auth;
using http::Effect;
using http::Execution;
using http::Method;
using http::RateClass;
using security::Permission;

http::Router build_router() {
  http::Router r;
  // MUST-001: only these few routes are public; each says so explicitly.
  r.add({.method = Method::get, .pattern = "/health", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::unlimited,
         .effect = Effect::read_only, .execution = Execution::network_thread,
         .handler = health, .summary = "Liveness probe"});
  r.add({.method = Method::get, .pattern = "/ready", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::standard,
         .effect = Effect::read_only, .execution = Execution::pool, .handler = ready,
         .summary = "Readiness probe: the database answers"});

  // Login is public by nature; it runs on the password pool (bcrypt) and
  // its own rate class.
  r.add({.method = Method::post, .pattern = "/api/v1/auth/login", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::auth,
         .effect = Effect::changes_state, .execution = Execution::password_pool,
         .handler = login, .summary = "Log in with email and password; sets the session cookie"});

  // Everything below requires a session (MUST-001).
  auto authed = [&](Method m, const char* pattern, http::DeclaredPermission permission,
                    http::Handler handler, const char* summary,
                    Execution execution = Execution::pool) {
    r.add({.method = m, .pattern = pattern, .auth = Auth::session_or_token,
           .permission = permission, .rate = RateClass::standard,
           .effect = m == Method::get ? Effect::read_only : Effect::changes_state,
           .execution = execution, .handler = std::move(handler), .summary = summary});
  };
  using http::requires_permission;
  authed(Method::post, "/api/v1/auth/logout", http::no_permission(), logout,
         "End this session");
  authed(Method::get, "/api/v1/auth/me", http::no_permission(), me,
         "The current user, organization, role and permissions");
  authed(Method::post, "/api/v1/auth/password", http::no_permission(), change_password,
         "Change your password (ends your other sessions)", Execution::password_pool);

  authed(Method::get, "/api/v1/users", requires_permission(Permission::users_manage), list_users,
         "List the organization's users");
  authed(Method::post, "/api/v1/users", requires_permission(Permission::users_manage),
         create_user, "Create (invite) a user", Execution::password_pool);
  authed(Method::patch, "/api/v1/users/{id:int}", requires_permission(Permission::users_manage),
         update_user, "Change a user's role or deactivate them");
  authed(Method::post, "/api/v1/users/{id:int}/revoke-sessions",
         requires_permission(Permission::users_manage), revoke_user_sessions,
         "End all of a user's sessions");
  authed(Method::post, "/api/v1/org/revoke-sessions",
         requires_permission(Permission::settings_manage), revoke_org_sessions,
         "End every session in the organization (incident response)");
  authed(Method::get, "/api/v1/audit", requires_permission(Permission::audit_read), list_audit,
         "The organization's audit log, newest first");

  // The web app (its shell holds no data; every API call it makes is
  // authenticated). Last, and a fallback: any route above wins.
  r.add({.method = Method::get, .pattern = "/{path*}", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::standard,
         .effect = Effect::read_only, .execution = Execution::pool, .handler = web_app_file,
         .summary = "The web application's files"});
  return r;
}

}  // namespace bulwark::api
