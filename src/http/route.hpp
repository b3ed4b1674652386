#pragma once
// One row of the route table. Every field but `summary`, `scope` and `step_up`
// must be declared explicitly: the defaults (`unset`, and Method::other for the
// method) make Router::add refuse the route, so the server does not start with
// an endpoint whose protection nobody decided.
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
// customer_link: the public links of issue 14 (a customer, no session): per IP,
// low, so that guessing tokens is slow even before the 256 bits.
enum class RateClass { unset, unlimited, standard, auth, webhook, customer_link };

// What the route does to the server's state. MUST-NOT-006: a GET is read_only
// or read_audited (a read that leaves an audit entry, e.g. an export); only
// the mutating methods change state or create a session.
enum class Effect { unset, read_only, changes_state, read_audited, creates_session };

// How the route is protected against cross-site request forgery.
//   not_applicable:   a GET (and its HEAD): it changes nothing, so there is
//                     nothing to forge, public or not.
//   session_token:    Origin/Sec-Fetch-Site must be this site, and a session
//                     must echo its csrf_token in X-CSRF-Token (bearer tokens
//                     carry no ambient credential and skip the token).
//   same_origin_only: Origin/Sec-Fetch-Site only; there is no session yet
//                     (login: login CSRF).
//   exempt_signed:    none: the provider's signature is the credential and a
//                     browser cannot produce it (webhooks, MUST-005).
enum class Csrf { unset, not_applicable, session_token, same_origin_only, exempt_signed };

// Where the handler runs: on the network thread (only for handlers that never
// block), on the handler pool (anything touching the database or files), or
// on the small password pool (bcrypt), so that a storm of logins queues
// there and never starves the handler pool.
enum class Execution { unset, pool, network_thread, password_pool };

// How large a body the route takes, decided per route after the header is
// read and matched (http/body_limit.hpp): JSON routes the server's
// BULWARK_MAX_BODY_BYTES, file uploads BULWARK_MAX_UPLOAD_BYTES.
enum class BodyLimit { standard, upload };

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
  resource::ViewShape view_shape = resource::ViewShape::one;  // view alone, or a list of them
  int status = 200;                                           // on success

  Endpoint() = default;
  template <class F>
  requires std::is_invocable_r_v<Response, F&, app::RequestContext&> Endpoint(F f)
      : call(std::move(f)) {}  // NOLINT: a plain handler converts
  Response operator()(app::RequestContext& ctx) const { return call(ctx); }
  explicit operator bool() const { return static_cast<bool>(call); }
};

struct Route {
  Method method = Method::other;  // refused: every row names its method
  std::string pattern;            // "/api/v1/work-orders/{id:int}", "/{path*}"
  Auth auth = Auth::unset;
  DeclaredPermission permission;
  RateClass rate = RateClass::unset;
  Effect effect = Effect::unset;
  Csrf csrf = Csrf::unset;
  Execution execution = Execution::unset;
  Endpoint handler;
  std::string summary;  // for the OpenAPI document
  // Inert until the OAuth issue: the scope an API client's token needs, e.g.
  // "work_orders:read". Empty: no OAuth client reaches the route (public,
  // webhooks, and what only a person at a browser does: log in, change a
  // password). Static text: the rows' literals.
  std::string_view scope = {};
  // Inert until the MFA issue: the route needs a fresh second factor.
  bool step_up = false;
  // How large a body the route reads (the JSON limit unless it takes files).
  BodyLimit body_limit = BodyLimit::standard;
};

std::string_view auth_name(Auth a);
std::string_view rate_class_name(RateClass r);
std::string_view effect_name(Effect e);
std::string_view csrf_name(Csrf c);
std::string_view execution_name(Execution e);

}  // namespace bulwark::http
