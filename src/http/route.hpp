#pragma once
// One row of the route table. Every field but `summary` must be declared
// explicitly: the `unset` defaults make Router::add refuse the route, so the
// server does not start with an endpoint whose protection nobody decided.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "http/message.hpp"
#include "resource/schema.hpp"
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

// What a route runs, and what it declares about itself: the path parameters
// its typed handler reads (Router::add checks each is an {name:int} of the
// pattern, so a typo fails at startup, not at run time), and the resources
// it reads and writes (for the OpenAPI document and the generated types).
// api::endpoint<handler>() fills them; a plain function declares none.
struct Endpoint {
  Handler call;
  std::vector<std::string> path_params;
  const resource::TypeDoc* body = nullptr;
  const resource::TypeDoc* view = nullptr;
  int status = 200;  // on success

  Endpoint() = default;
  template <class F>
    requires std::is_invocable_r_v<Response, F&, app::RequestContext&>
  Endpoint(F f) : call(std::move(f)) {}  // NOLINT: a plain handler converts
  Response operator()(app::RequestContext& ctx) const { return call(ctx); }
  explicit operator bool() const { return static_cast<bool>(call); }
};

struct Route {
  Method method = Method::get;
  std::string pattern;  // "/api/v1/work-orders/{id:int}", "/{path*}"
  Auth auth = Auth::unset;
  DeclaredPermission permission;
  RateClass rate = RateClass::unset;
  Effect effect = Effect::unset;
  Execution execution = Execution::pool;
  Endpoint handler;
  std::string summary;  // for the OpenAPI document
};

std::string_view auth_name(Auth a);
std::string_view rate_class_name(RateClass r);

}  // namespace bulwark::http
