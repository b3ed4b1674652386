#pragma once
// The authenticate and CSRF stages of the pipeline (app/pipeline.hpp).
#include <optional>

#include "app/context.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"

namespace bulwark::app {

inline constexpr std::string_view kSessionCookie = "__Host-session";
inline constexpr std::string_view kCsrfCookie = "csrf_token";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// The principal behind the request's session cookie, if it is live.
std::optional<Principal> authenticate(const http::Request& request, Services& services);

// For the routes whose CSRF rule is session_token or same_origin_only (login
// too: login CSRF): refuse when Origin names another site or Sec-Fetch-Site
// says cross-site. The error is csrf_failed with reason csrf_origin_mismatch
// or csrf_cross_site.
Expected<void, ApiError> check_same_origin(const http::Request& request,
                                           const config::Config& config);

// The X-CSRF-Token header must equal the token bound to this session
// (constant-time). Reasons: csrf_token_missing, csrf_token_mismatch.
Expected<void, ApiError> check_csrf_token(const http::Request& request, const Principal& principal);

}  // namespace bulwark::app
