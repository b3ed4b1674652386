#pragma once
// The one list of path prefixes that belong to the server, never to the web
// app: under them an unknown path is a JSON 404 for every method, so the web
// app's catch-all GET route cannot turn a typo in an API path into a 405 or
// into the app shell. A path is reserved when its first segment, after
// percent-decoding ("/%61pi/x" is "/api/x"), is one of these names.
#include <array>
#include <string>
#include <string_view>

namespace bulwark::http {

inline constexpr std::array<std::string_view, 5> kReservedFirstSegments = {
    "api", "webhooks", "oauth", "metrics", "health"};

namespace detail {
inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace detail

// `path` is the request path without the query string.
inline bool is_reserved_path(std::string_view path) {
  if (!path.starts_with('/')) return false;
  path.remove_prefix(1);
  const auto raw = path.substr(0, path.find('/'));
  std::string first;
  first.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      const int hi = detail::hex_value(raw[i + 1]), lo = detail::hex_value(raw[i + 2]);
      if (hi >= 0 && lo >= 0) {
        first += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    first += raw[i];
  }
  // An encoded slash ("/api%2Fx") still names the reserved area.
  const std::string_view decoded = std::string_view(first).substr(0, first.find('/'));
  for (auto name : kReservedFirstSegments)
    if (decoded == name) return true;
  return false;
}

}  // namespace bulwark::http
