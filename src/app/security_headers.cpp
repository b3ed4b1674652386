#include "app/security_headers.hpp"

#include <string>
#include <string_view>

namespace bulwark::app {

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
constexpr std::string_view kPermissionsPolicy =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

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

void apply_security_headers(http::Response& response, bool secure) {
  static const std::string kPlain = security_header_block(false);
  static const std::string kSecure = security_header_block(true);
  response.preset_headers = secure ? kSecure : kPlain;
  if (!response.headers.get("cache-control")) response.headers.add("Cache-Control", "no-store");
}

}  // namespace bulwark::app
