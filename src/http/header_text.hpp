#pragma once
// Reading header values: RFC 9110's optional whitespace (OWS) is spaces and
// horizontal tabs, trimmed around list members, cookie pairs and tokens.
#include <string_view>

namespace bulwark::http {

inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace bulwark::http
