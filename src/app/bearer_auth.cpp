#include "app/bearer_auth.hpp"

#include <cctype>

#include "app/auth_stages.hpp"
#include "core/error.hpp"
#include "domain/api_clients/tokens.hpp"
#include "http/cookies.hpp"

namespace bulwark::app {

namespace {

// RFC 6750 section 3: the challenge of a refused bearer request.
std::string bearer_challenge(std::string_view error) {
  return std::string(R"(Bearer realm="bulwark", error=")") + std::string(error) + '"';
}

http::Response invalid_token(const Exchange& ex) {
  auto r =
      error_response(ApiError(ErrorCode::unauthenticated,
                              "the bearer token is invalid, expired or revoked", "invalid_token"),
                     ex.request.request_id);
  r.headers.set("WWW-Authenticate", bearer_challenge("invalid_token"));
  return r;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::optional<std::string_view> bearer_token(const http::Request& request) {
  const auto header = request.headers.get("authorization");
  if (!header) return std::nullopt;
  std::string_view v = *header;
  const auto space = v.find(' ');
  if (!iequals(v.substr(0, space), "bearer")) return std::nullopt;
  if (space == std::string_view::npos) return std::string_view{};
  v.remove_prefix(space + 1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

bool has_session_cookie(const http::Request& request) {
  const auto cookies = request.headers.get("cookie");
  return cookies && http::find_cookie(*cookies, kSessionCookie).has_value();
}

Verdict authenticate_bearer(Exchange& ex, std::string_view token, security::RateLimit limit) {
  const auto now = ex.services.clock.now_ms();
  auto holder = domain::api_clients::find_token(ex.services.db, token, now);
  if (!holder) return invalid_token(ex);
  // The client's IP allowlist (issue 15 item 5), on the address through the
  // trusted proxy; a refusal is audited against the client.
  if (!domain::api_clients::allowed_from(holder->allowed_ips, ex.request.client_ip)) {
    domain::api_clients::audit_refusal(ex.services.db, holder->org_id, holder->client_id,
                                       "api_client.ip_not_allowed", ex.request.client_ip);
    return error_response(
        ApiError(ErrorCode::forbidden, "this API client may not be used from this address",
                 "ip_not_allowed"),
        ex.request.request_id);
  }
  // The standard rate per client as well as per address: a client spread
  // over many addresses still gets one budget.
  if (!limit.unlimited()) {
    if (auto wait = ex.rate_limiter.acquire("client|" + std::to_string(holder->client_id), limit)) {
      auto r = error_response(
          ApiError(ErrorCode::rate_limited, "too many requests from this API client; try later",
                   "client_rate_limited"),
          ex.request.request_id);
      r.headers.set("Retry-After", std::to_string(wait->count()));
      return r;
    }
  }
  domain::api_clients::record_use(ex.services.db, *holder, now);
  Principal p;
  p.org_id = holder->org_id;
  p.user_id = holder->created_by;
  p.role = holder->role;
  p.session_id = 0;
  p.name = holder->client_name;
  p.org_slug = holder->org_slug;
  p.org_name = holder->org_name;
  p.org_time_zone = holder->org_time_zone;
  p.org_ip_allowlist = holder->org_ip_allowlist;
  p.client = ApiClientRef{holder->client_id, holder->client_name, holder->scopes};
  ex.principal = std::move(p);
  return std::nullopt;
}

Verdict check_scope(Exchange& ex) {
  if (!ex.principal || !ex.principal->client) return std::nullopt;
  const auto scope = ex.match.route->scope;
  if (!scope.empty() && ex.principal->client->has_scope(scope)) return std::nullopt;
  // RFC 6750 section 3.1: 403 and the scope the token would need. A route
  // without a scope is for a person at a browser (their profile, logging
  // out, changing a password): no token reaches it, whatever its scopes.
  const std::string message = scope.empty()
                                  ? "API clients cannot use this route; it is for people signed in"
                                  : "this token lacks the scope " + std::string(scope);
  auto r = error_response(ApiError(ErrorCode::forbidden, message, "insufficient_scope"),
                          ex.request.request_id);
  std::string challenge = bearer_challenge("insufficient_scope");
  if (!scope.empty()) challenge += R"(, scope=")" + std::string(scope) + '"';
  r.headers.set("WWW-Authenticate", challenge);
  return r;
}

}  // namespace bulwark::app
