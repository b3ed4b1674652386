#include "http/forwarded.hpp"

#include <boost/url/grammar/ci_string.hpp>

namespace bulwark::http {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
bool plausible_ip(std::string_view s) {
  if (s.empty() || s.size() > 45) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
          c == ':'))
      return false;
  return true;
}
}  // namespace

void apply_forwarding(Request& request, std::string_view peer_ip, bool tls,
                      std::string_view trusted_proxy) {
  request.client_ip = std::string(peer_ip);
  request.secure = tls;
  if (trusted_proxy.empty() || peer_ip != trusted_proxy) return;
  // The proxy appends the address it saw; earlier entries are client-supplied.
  if (auto xff = request.headers.get("x-forwarded-for")) {
    auto last =
        trim(xff->substr(xff->rfind(',') == std::string_view::npos ? 0 : xff->rfind(',') + 1));
    if (plausible_ip(last)) request.client_ip = std::string(last);
  }
  if (auto proto = request.headers.get("x-forwarded-proto"))
    request.secure = boost::urls::grammar::ci_is_equal(trim(*proto), "https");
}

}  // namespace bulwark::http
