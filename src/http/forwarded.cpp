#include "http/forwarded.hpp"

#include <boost/url/grammar/ci_string.hpp>

#include "http/header_text.hpp"

namespace bulwark::http {

namespace {
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
        trim_ows(xff->substr(xff->rfind(',') == std::string_view::npos ? 0 : xff->rfind(',') + 1));
    if (plausible_ip(last)) request.client_ip = std::string(last);
  }
  if (auto proto = request.headers.get("x-forwarded-proto"))
    request.secure = boost::urls::grammar::ci_is_equal(trim_ows(*proto), "https");
}

}  // namespace bulwark::http
