#pragma once
// One policy for every outbound URL an administrator can set (an identity
// provider's issuer, later SIEM and alert webhooks; issue 15): a setting an
// admin types must not turn the server into a proxy into its own network
// (SSRF). https only; the host is resolved once and refused when any address
// is loopback, private, link-local, unique-local, unspecified or multicast,
// unless the operator lists the host in BULWARK_OUTBOUND_ALLOW; the request
// then connects to exactly that address (no second lookup an attacker's DNS
// could answer differently) and never follows a redirect.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "net/http_client.hpp"

namespace bulwark::net {

enum class AddressClass : std::uint8_t {
  global,
  loopback,
  private_use,  // RFC 1918, 100.64/10 (shared), site-local fec0::/10
  link_local,
  unique_local,  // fc00::/7
  unspecified,
  multicast,
  reserved,  // 240/4, broadcast, documentation ranges and the like
};

std::string_view address_class_name(AddressClass c);

// Classifies a numeric IPv4 or IPv6 address; IPv4-mapped (::ffff:a.b.c.d)
// and IPv4-compatible IPv6 addresses are judged as the IPv4 they carry.
// nullopt when `text` is not a numeric address.
std::optional<AddressClass> classify_address(std::string_view text);

// The operator's settings: BULWARK_OUTBOUND_ALLOW (comma-separated host
// names or addresses exempt from the address check) and
// BULWARK_OUTBOUND_CA_FILE (an extra CA bundle for outbound TLS, e.g. a test
// provider's own CA; certificate checks stay on either way).
struct OutboundSettings {
  std::vector<std::string> allow_hosts;  // lower-case
  std::string ca_file;
};

OutboundSettings parse_outbound_settings(std::string_view allow_list, std::string_view ca_file);
// Read from the environment once per process.
const OutboundSettings& outbound_settings();

struct Destination {
  std::string url;   // as given, already checked
  std::string host;  // lower-case, without brackets
  std::uint16_t port = 443;
  std::string address;  // the one resolved address the connection goes to
  std::string resolve;  // CURLOPT_RESOLVE entry "host:port:address"
};

// Checks `url` and resolves its host once. The error is a short sentence fit
// to show an administrator (never the resolved address of a refused host's
// neighbour or anything secret).
Expected<Destination, std::string> check_destination(std::string_view url,
                                                     const OutboundSettings& settings);

// Same, with the host's addresses supplied (for unit tests: no DNS).
Expected<Destination, std::string> check_destination_with(
    std::string_view url, const OutboundSettings& settings,
    const std::vector<std::string>& resolved_addresses);

// GET a JSON document (discovery, JWKS) through the policy: status 200,
// application/json body of at most 256 KiB, parsed.
Expected<boost::json::value, std::string> get_json(std::string_view url,
                                                   const OutboundSettings& settings);

// POST a form through the policy (a token request). `request.url` is
// checked; the answer is returned whatever its status.
Expected<PostResult, std::string> post_form_checked(const PostRequest& request,
                                                    const OutboundSettings& settings);

}  // namespace bulwark::net
