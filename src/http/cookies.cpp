#include "http/cookies.hpp"

namespace bulwark::http {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto pair = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(pair.substr(0, eq)) != name) continue;
    auto value = trim(pair.substr(eq + 1));
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
