#include "http/cookies.hpp"

#include "http/header_text.hpp"

namespace bulwark::http {

std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto pair = trim_ows(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim_ows(pair.substr(0, eq)) != name) continue;
    auto value = trim_ows(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return value;
  }
  return std::nullopt;
}

std::string set_cookie_header(const CookieSpec& spec) {
  std::string out;
  out.reserve(128);
  out.append(spec.name).append("=").append(spec.value);
  out.append("; Path=/; Secure; SameSite=Strict");
  if (spec.http_only) out.append("; HttpOnly");
  if (spec.max_age_seconds >= 0)
    out.append("; Max-Age=").append(std::to_string(spec.max_age_seconds));
  return out;
}

}  // namespace bulwark::http
