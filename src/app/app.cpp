#include "app/app.hpp"

#include "http/reserved_paths.hpp"

#include <boost/json.hpp>
#include <random>

#include "app/auth_stages.hpp"
#include "app/webhook_auth.hpp"
#include "app/pipeline.hpp"
#include "config/config.hpp"
#include "http/forwarded.hpp"
#include "logging/log.hpp"

namespace bulwark::app {

using http::Request;
using http::Response;

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
constexpr std::string_view kPermissionsPolicy =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

}  // namespace

std::string new_request_id() {
  // Not a secret, only unique: a per-thread PRNG seeded from the OS is
  // plenty and costs nothing on the hot path.
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string id(24, '0');
  auto a = rng(), b = rng();
  for (int i = 0; i < 16; ++i) id[i] = kDigits[(a >> (i * 4)) & 0xf];
  for (int i = 0; i < 8; ++i) id[16 + i] = kDigits[(b >> (i * 4)) & 0xf];
  return id;
}

namespace {
// The security headers as one constant block per scheme, built once.
std::string security_header_block(bool secure) {
  std::string b;
  b += "Content-Security-Policy: " + std::string(kContentSecurityPolicy) + "\r\n";
  b += "X-Content-Type-Options: nosniff\r\n";
  b += "Referrer-Policy: no-referrer\r\n";
  b += "Permissions-Policy: " + std::string(kPermissionsPolicy) + "\r\n";
  b += "Cross-Origin-Opener-Policy: same-origin\r\n";
  b += "Cross-Origin-Resource-Policy: same-origin\r\n";
  b += "X-Frame-Options: DENY\r\n";
  if (secure) b += "Strict-Transport-Security: max-age=63072000; includeSubDomains\r\n";
  return b;
}
}  // namespace

void apply_security_headers(Response& response, bool secure) {
  static const std::string kPlain = security_header_block(false);
  static const std::string kSecure = security_header_block(true);
  response.preset_headers = secure ? kSecure : kPlain;
  // API answers are never cached; the static files set their own policy.
  if (!response.headers.get("cache-control")) response.headers.add("Cache-Control", "no-store");
}

App::App(Services services, http::Router router)
    : services_(services), router_(std::move(router)) {}

security::RateLimit App::limit_for(http::RateClass rate) const {
  auto per_minute = [](unsigned n) {
    return n == 0 ? security::RateLimit{} : security::RateLimit{double(n), n / 60.0};
  };
  const auto& c = services_.config;
  switch (rate) {
    case http::RateClass::unset:
    case http::RateClass::unlimited: return {};
    case http::RateClass::standard: return per_minute(c.rate_standard_per_minute);
    case http::RateClass::auth: return per_minute(c.rate_auth_per_minute);
    case http::RateClass::webhook: return per_minute(c.rate_webhook_per_minute);
  }
  return {};
}

http::Execution App::execution_for(const Request& request) const {
  auto m = router_.match(request.method, request.path);
  if (m.kind != http::MatchResult::Kind::found) return http::Execution::network_thread;
  return m.route->execution;
}

Response App::handle(Request& request, std::string_view peer_ip, bool tls) noexcept {
  http::MatchResult match;
  std::optional<Response> response;
  std::optional<Principal> principal;
  try {
    for (Stage stage : kPipeline) {
      if (response && position_of(stage) < position_of(Stage::security_headers)) continue;
      switch (stage) {
        case Stage::trusted_proxy:
          http::apply_forwarding(request, peer_ip, tls, services_.config.trusted_proxy);
          break;
        case Stage::request_id: request.request_id = new_request_id(); break;
        case Stage::match_route:
          match = router_.match(request.method, request.path);
          if (match.kind == http::MatchResult::Kind::method_not_allowed) {
            response = error_response(
                ApiError(ErrorCode::method_not_allowed, "this method is not allowed here"),
                request.request_id);
            response->headers.set("Allow", http::allow_header(match.allowed));
          } else if (match.kind == http::MatchResult::Kind::not_found ||
                     (http::is_reserved_path(request.path) && match.route->pattern.ends_with("*}"))) {
            response = error_response(ApiError(ErrorCode::not_found, "no such resource"),
                                      request.request_id);
          }
          break;
        case Stage::rate_limit: {
          auto limit = limit_for(match.route->rate);
          if (limit.unlimited()) break;
          std::string key(http::rate_class_name(match.route->rate));
          key += '|';
          key += request.client_ip;
          if (auto wait = rate_limiter_.acquire(key, limit)) {
            response = error_response(
                ApiError(ErrorCode::rate_limited, "too many requests; try again later"),
                request.request_id);
            response->headers.set("Retry-After", std::to_string(wait->count()));
          }
          break;
        }
        case Stage::authenticate:
          if (match.route->auth == http::Auth::session_or_token) {
            principal = authenticate(request, services_);
            if (!principal)
              response = error_response(
                  ApiError(ErrorCode::unauthenticated, "authentication required"),
                  request.request_id);
          } else if (match.route->auth == http::Auth::twilio_signature ||
                     match.route->auth == http::Auth::stripe_signature) {
            try {
              verify_webhook(request, match.route->auth, services_.config);
            } catch (const ApiError& e) {
              response = error_response(e, request.request_id);
            }
          }
          break;
        case Stage::csrf:
          // Webhooks carry no ambient credentials: their signature is checked instead.
          if (http::is_mutating(request.method) &&
              (match.route->auth == http::Auth::public_access ||
               match.route->auth == http::Auth::session_or_token)) {
            try {
              check_same_origin(request, services_.config);
              if (principal && principal->session_id != 0) check_csrf_token(request, *principal);
            } catch (const ApiError& e) {
              response = error_response(e, request.request_id);
            }
          }
          break;
        case Stage::authorize:
          if (principal && !security::role_has(principal->role, match.route->permission.value))
            response = error_response(
                ApiError(ErrorCode::forbidden, "your role does not allow this", "permission_denied"),
                request.request_id);
          break;
        case Stage::handle: {
          RequestContext ctx{request, match.params, *match.route, services_, principal};
          try {
            response = match.route->handler(ctx);
          } catch (const ApiError& e) {
            response = error_response(e, request.request_id);
          } catch (const DatabaseUnavailable&) {
            logging::warn("database unavailable", {{logging::Field::request_id, request.request_id}});
            response = error_response(
                ApiError(ErrorCode::service_unavailable, "the service is temporarily unavailable"),
                request.request_id);
            response->headers.set("Retry-After", "5");
          }
          break;
        }
        case Stage::security_headers:
        case Stage::access_log: break;  // both in finish(), which must run even after a throw
      }
    }
  } catch (const std::exception& e) {
    // MUST-006 / MUST-NOT-002: the client learns nothing but the request id.
    logging::error("unhandled exception", {{logging::Field::request_id, request.request_id},
                                           {logging::Field::reason, std::string_view(e.what())}});
    response = internal_error_response(request.request_id);
  } catch (...) {
    logging::error("unhandled exception", {{logging::Field::request_id, request.request_id}});
    response = internal_error_response(request.request_id);
  }
  finish(request, *response, match.route, principal ? &*principal : nullptr);
  return std::move(*response);
}

Response App::reject(Request& request, std::string_view peer_ip, bool tls,
                     const ApiError& error) noexcept {
  try {
    http::apply_forwarding(request, peer_ip, tls, services_.config.trusted_proxy);
    if (request.request_id.empty()) request.request_id = new_request_id();
    Response response = error_response(error, request.request_id);
    response.close_connection = true;
    finish(request, response, nullptr, nullptr);
    return response;
  } catch (...) {
    Response response;
    response.status = http_status(error.code);
    response.close_connection = true;
    return response;
  }
}

void App::finish(Request& request, Response& response, const http::Route* route,
                 const Principal* principal) noexcept {
  try {
    apply_security_headers(response, request.secure);
    response.headers.add("X-Request-Id", request.request_id);
    const auto elapsed = std::chrono::steady_clock::now() - request.received_at;
    const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    // The route pattern, not the path: paths carry ids, query strings carry
    // search terms (PII). Neither is logged.
    const std::string_view route_name = route ? std::string_view(route->pattern) : "-";
    logging::info("request", {{logging::Field::request_id, request.request_id},
                              {logging::Field::method, http::method_name(request.method)},
                              {logging::Field::route, route_name},
                              {logging::Field::status, std::int64_t{response.status}},
                              {logging::Field::duration_ms, ms},
                              {logging::Field::client_ip, request.client_ip},
                              {logging::Field::org_id, principal ? principal->org_id : 0},
                              {logging::Field::user_id, principal ? principal->user_id : 0}});
  } catch (...) {
    // Logging must never turn a response into a crash.
  }
}

}  // namespace bulwark::app
