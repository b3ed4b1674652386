#pragma once
// One row of the route table. Every field but `summary` must be declared
// explicitly: the `unset` defaults make Router::add refuse the route, so the
// server does not start with an endpoint whose protection nobody decided.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "security/permissions.hpp"

namespace bulwark::app {
struct RequestContext;
}

namespace bulwark::http {

enum class Auth { unset, public_access, session_or_token, twilio_signature, stripe_signature };
enum class RateClass { unset, unlimited, standard, auth, webhook };
enum class Effect { unset, read_only, changes_state };
// Where the handler runs: on the network thread (only for handlers that never
// block), on the handler pool (anything touching the database or files), or
// on the small password pool (bcrypt), so that a storm of logins queues
// there and never starves the handler pool.
enum class Execution { pool, network_thread, password_pool };

struct DeclaredPermission {
  bool declared = false;
  security::Permission value = security::Permission::none;
};
inline DeclaredPermission requires_permission(security::Permission p) { return {true, p}; }
inline DeclaredPermission no_permission() { return {true, security::Permission::none}; }

using Handler = std::function<Response(app::RequestContext&)>;

struct Route {
  Method method = Method::get;
  std::string pattern;  // "/api/v1/work-orders/{id:int}", "/{path*}"
  Auth auth = Auth::unset;
  DeclaredPermission permission;
  RateClass rate = RateClass::unset;
  Effect effect = Effect::unset;
  Execution execution = Execution::pool;
  Handler handler;
  std::string summary;  // for the OpenAPI document
};

std::string_view auth_name(Auth a);
std::string_view rate_class_name(RateClass r);

}  // namespace bulwark::http
