#include "app/pipeline.hpp"

#include <chrono>
#include <random>

#include "app/auth_stages.hpp"
#include "app/bearer_auth.hpp"
#include "app/security_headers.hpp"
#include "app/webhook_auth.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "http/forwarded.hpp"
#include "http/reserved_paths.hpp"
#include "logging/log.hpp"

namespace bulwark::app::stages {

namespace {

// Not a secret, only unique: a per-thread PRNG seeded from the OS is plenty
// and costs nothing on the hot path.
std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string id(24, '0');
  auto a = rng(), b = rng();
  for (int i = 0; i < 16; ++i) id[i] = kDigits[(a >> (i * 4)) & 0xf];
  for (int i = 0; i < 8; ++i) id[16 + i] = kDigits[(b >> (i * 4)) & 0xf];
  return id;
}

Verdict refuse(const Exchange& ex, const ApiError& error) {
  return error_response(error, ex.request.request_id);
}

security::RateLimit limit_for(http::RateClass rate, const config::Config& c) {
  auto per_minute = [](unsigned n) {
    return n == 0 ? security::RateLimit{} : security::RateLimit{double(n), n / 60.0};
  };
  switch (rate) {
    case http::RateClass::unset:
    case http::RateClass::unlimited: return {};
    case http::RateClass::standard: return per_minute(c.rate_standard_per_minute);
    case http::RateClass::auth: return per_minute(c.rate_auth_per_minute);
    case http::RateClass::webhook: return per_minute(c.rate_webhook_per_minute);
    case http::RateClass::customer_link: return per_minute(c.rate_link_per_minute);
  }
  return {};
}

}  // namespace

Verdict trusted_proxy(Exchange& ex) {
  http::apply_forwarding(ex.request, ex.peer_ip, ex.tls, ex.services.config.trusted_proxy);
  return std::nullopt;
}

Verdict request_id(Exchange& ex) {
  ex.request.request_id = new_request_id();
  return std::nullopt;
}

Verdict route_found(Exchange& ex) {
  const auto& m = ex.match;
  if (m.kind == http::MatchResult::Kind::method_not_allowed) {
    auto response =
        refuse(ex, ApiError(ErrorCode::method_not_allowed, "this method is not allowed here"));
    response->headers.set("Allow", http::allow_header(m.allowed));
    return response;
  }
  // The router never gives a reserved path (/api/, /webhooks/...) to the web
  // app's fallback; this says so once more where the answer is made.
  if (m.kind == http::MatchResult::Kind::not_found ||
      (http::is_reserved_path(ex.request.path) && m.route->pattern.ends_with("*}")))
    return refuse(ex, ApiError(ErrorCode::not_found, "no such resource"));
  return std::nullopt;
}

Verdict rate_limit(Exchange& ex) {
  const auto rate = ex.match.route->rate;
  const auto limit = limit_for(rate, ex.services.config);
  if (limit.unlimited()) return std::nullopt;
  std::string key(http::rate_class_name(rate));
  key += '|';
  key += ex.request.client_ip;
  auto wait = ex.rate_limiter.acquire(key, limit);
  if (!wait) return std::nullopt;
  auto response =
      refuse(ex, ApiError(ErrorCode::rate_limited, "too many requests; try again later"));
  response->headers.set("Retry-After", std::to_string(wait->count()));
  return response;
}

Verdict authenticate(Exchange& ex) {
  const auto auth = ex.match.route->auth;
  switch (auth) {
    case http::Auth::session_or_token:
      if (const auto token = bearer_token(ex.request)) {
        // Both a cookie and a token: refused rather than guessed, so that
        // a request never acts with credentials its sender did not mean.
        if (has_session_cookie(ex.request))
          return refuse(ex, ApiError(ErrorCode::bad_request,
                                     "send either a session cookie or a bearer token, not both",
                                     "conflicting_credentials"));
        return authenticate_bearer(ex, *token,
                                   limit_for(http::RateClass::standard, ex.services.config));
      }
      ex.principal = app::authenticate(ex.request, ex.services);
      if (!ex.principal)
        return refuse(ex, ApiError(ErrorCode::unauthenticated, "authentication required"));
      return std::nullopt;
    case http::Auth::twilio_signature:
    case http::Auth::stripe_signature:
      if (auto ok = verify_webhook(ex.request, auth, ex.services.config); !ok)
        return refuse(ex, ok.error());
      return std::nullopt;
    case http::Auth::public_access:
    case http::Auth::unset: return std::nullopt;  // unset never passes Router::add
  }
  return std::nullopt;
}

Verdict csrf(Exchange& ex) {
  switch (ex.match.route->csrf) {
    case http::Csrf::session_token:
      if (auto ok = check_same_origin(ex.request, ex.services.config); !ok)
        return refuse(ex, ok.error());
      // Bearer tokens carry no ambient credential: no token to echo.
      if (ex.principal && ex.principal->session_id != 0)
        if (auto ok = check_csrf_token(ex.request, *ex.principal); !ok)
          return refuse(ex, ok.error());
      return std::nullopt;
    case http::Csrf::same_origin_only:
      if (auto ok = check_same_origin(ex.request, ex.services.config); !ok)
        return refuse(ex, ok.error());
      return std::nullopt;
    case http::Csrf::not_applicable:              // a GET: nothing to forge
    case http::Csrf::exempt_signed:               // the signature, checked by authenticate
    case http::Csrf::unset: return std::nullopt;  // unset never passes Router::add
  }
  return std::nullopt;
}

Verdict authorize(Exchange& ex) {
  // An API client needs the route's scope as well as its ceiling role's permission.
  if (auto refused = check_scope(ex)) return refused;
  if (ex.principal && !security::role_has(ex.principal->role, ex.match.route->permission.value))
    return refuse(
        ex, ApiError(ErrorCode::forbidden, "your role does not allow this", "permission_denied"));
  return std::nullopt;
}

void security_headers(Exchange& ex, http::Response& response) noexcept {
  try {
    apply_security_headers(response, ex.request.secure);
  } catch (...) {
    // A header that cannot be added must not turn a response into a crash.
  }
}

void request_id_header(Exchange& ex, http::Response& response) noexcept {
  try {
    response.headers.add("X-Request-Id", ex.request.request_id);
  } catch (...) {
  }
}

void access_log(Exchange& ex, http::Response& response) noexcept {
  try {
    const auto elapsed = std::chrono::steady_clock::now() - ex.request.received_at;
    const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    // The route pattern, not the path: paths carry ids, query strings carry
    // search terms (PII). Neither is logged.
    const auto* route = ex.match.route;
    const std::string_view route_name = route ? std::string_view(route->pattern) : "-";
    const auto* who = ex.principal ? &*ex.principal : nullptr;
    logging::info("request", {{logging::Field::request_id, ex.request.request_id},
                              {logging::Field::method, http::method_name(ex.request.method)},
                              {logging::Field::route, route_name},
                              {logging::Field::status, std::int64_t{response.status}},
                              {logging::Field::duration_ms, ms},
                              {logging::Field::client_ip, ex.request.client_ip},
                              {logging::Field::org_id, who ? who->org_id : 0},
                              {logging::Field::user_id, who ? who->user_id : 0}});
  } catch (...) {
    // Logging must never turn a response into a crash.
  }
}

}  // namespace bulwark::app::stages
