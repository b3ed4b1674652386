#include "app/auth_stages.hpp"

#include "app/policies.hpp"
#include "core/error.hpp"
#include "crypto/random.hpp"
#include "http/cookies.hpp"

namespace bulwark::app {

namespace {

// "https://host:port" from a public URL (scheme and authority only).
std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  auto path = url.find('/', scheme_end + 3);
  return std::string(url.substr(0, path));
}

}  // namespace

std::optional<Principal> authenticate(const http::Request& request, Services& services) {
  auto cookies = request.headers.get("cookie");
  if (!cookies) return std::nullopt;
  auto token = http::find_cookie(*cookies, kSessionCookie);
  if (!token) return std::nullopt;
  auto session = identity::find_session(services.db, *token, session_policy(services.config));
  if (!session) return std::nullopt;
  return Principal{session->org_id,       session->user_id,    session->role,
                   session->session_id,   session->csrf_token, session->email,
                   session->user_name,    session->org_slug,   session->org_name,
                   session->org_time_zone};
}

Expected<void, ApiError> check_same_origin(const http::Request& request,
                                           const config::Config& config) {
  auto refuse = [](const std::string& message, std::string_view reason) {
    return bulwark::unexpected(ApiError(ErrorCode::csrf_failed, message, std::string(reason)));
  };
  if (auto site = request.headers.get("sec-fetch-site"); site && *site == "cross-site")
    return refuse("cross-site requests may not change anything", "csrf_cross_site");
  auto origin = request.headers.get("origin");
  if (!origin) return {};  // non-browser clients; the token check still applies to sessions
  if (*origin == "null")
    return refuse("requests from an opaque origin are refused", "csrf_origin_mismatch");
  if (!config.public_url.empty() && *origin == origin_of(config.public_url)) return {};
  if (auto host = request.headers.get("host")) {
    const std::string self =
        std::string(request.secure ? "https://" : "http://") + std::string(*host);
    if (*origin == self) return {};
  }
  return refuse("requests from another site may not change anything", "csrf_origin_mismatch");
}

Expected<void, ApiError> check_csrf_token(const http::Request& request,
                                          const Principal& principal) {
  auto header = request.headers.get(kCsrfHeader);
  if (!header || header->empty())
    return bulwark::unexpected(ApiError(
        ErrorCode::csrf_failed, "the X-CSRF-Token header is missing", "csrf_token_missing"));
  if (!crypto::constant_time_equal(*header, principal.csrf_token))
    return bulwark::unexpected(ApiError(ErrorCode::csrf_failed,
                                        "the CSRF token does not match this session",
                                        "csrf_token_mismatch"));
  return {};
}

}  // namespace bulwark::app
