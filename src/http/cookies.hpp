#pragma once
// Reading the Cookie header and writing Set-Cookie. The parser is ours (RFC
// 6265 section 5.4 is small), so it is fuzzed: tests/fuzz/fuzz_cookies.cpp.
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::http {

// The value of the first cookie named `name` in a Cookie header, or nullopt.
// Malformed pairs are skipped, not fatal.
std::optional<std::string_view> find_cookie(std::string_view cookie_header, std::string_view name);

struct CookieSpec {
  std::string_view name;
  std::string_view value;
  long max_age_seconds = -1;  // -1: no Max-Age (session cookie); 0: delete
  bool http_only = true;
};
// Always Secure; SameSite=Strict; Path=/ (MUST-004); no Domain attribute.
std::string set_cookie_header(const CookieSpec& spec);

}  // namespace bulwark::http
