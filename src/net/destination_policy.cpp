#include "net/destination_policy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace bulwark::net {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

AddressClass classify_v4(const std::array<unsigned char, 4>& a) {
  const unsigned b0 = a[0];
  const unsigned b1 = a[1];
  if (b0 == 0) return AddressClass::unspecified;  // 0/8 "this network"
  if (b0 == 127) return AddressClass::loopback;
  if (b0 == 10) return AddressClass::private_use;
  if (b0 == 172 && (b1 & 0xF0) == 16) return AddressClass::private_use;
  if (b0 == 192 && b1 == 168) return AddressClass::private_use;
  if (b0 == 100 && (b1 & 0xC0) == 64) return AddressClass::private_use;  // 100.64/10 CGNAT
  if (b0 == 169 && b1 == 254) return AddressClass::link_local;
  if (b0 >= 224 && b0 <= 239) return AddressClass::multicast;
  if (b0 >= 240) return AddressClass::reserved;  // 240/4 and 255.255.255.255
  if (b0 == 192 && b1 == 0 && a[2] == 0) return AddressClass::reserved;    // 192.0.0/24
  if (b0 == 198 && (b1 == 18 || b1 == 19)) return AddressClass::reserved;  // benchmarking
  return AddressClass::global;
}

AddressClass classify_v6(const std::array<unsigned char, 16>& a) {
  const bool first10_zero = std::all_of(a.begin(), a.begin() + 10, [](auto b) { return b == 0; });
  if (first10_zero && a[10] == 0xFF && a[11] == 0xFF)  // ::ffff:a.b.c.d
    return classify_v4({a[12], a[13], a[14], a[15]});
  if (first10_zero && a[10] == 0 && a[11] == 0) {
    const bool first15_zero = std::all_of(a.begin(), a.begin() + 15, [](auto b) { return b == 0; });
    if (first15_zero && a[15] == 0) return AddressClass::unspecified;  // ::
    if (first15_zero && a[15] == 1) return AddressClass::loopback;     // ::1
    return classify_v4({a[12], a[13], a[14], a[15]});                  // deprecated ::a.b.c.d
  }
  // NAT64 64:ff9b::/96 reaches the IPv4 it carries.
  static constexpr std::array<unsigned char, 12> kNat64{0, 0x64, 0xff, 0x9b, 0, 0,
                                                        0, 0,    0,    0,    0, 0};
  if (std::equal(kNat64.begin(), kNat64.end(), a.begin()))
    return classify_v4({a[12], a[13], a[14], a[15]});
  if (a[0] == 0xFF) return AddressClass::multicast;
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) return AddressClass::link_local;   // fe80::/10
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) return AddressClass::private_use;  // fec0::/10
  if ((a[0] & 0xFE) == 0xFC) return AddressClass::unique_local;                 // fc00::/7
  if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8)
    return AddressClass::reserved;  // 2001:db8::/32 documentation
  return AddressClass::global;
}

bool allowed_host(const OutboundSettings& settings, std::string_view host) {
  return std::ranges::find(settings.allow_hosts, host) != settings.allow_hosts.end();
}

std::vector<std::string> resolve_host(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* raw = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.c_str(), service.c_str(), &hints, &raw) != 0) return {};
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> list(raw, freeaddrinfo);
  std::vector<std::string> out;
  for (const addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
    std::array<char, INET6_ADDRSTRLEN> buf{};
    const void* where = nullptr;
    if (ai->ai_family == AF_INET)
      where = &reinterpret_cast<const sockaddr_in*>(ai->ai_addr)->sin_addr;
    else if (ai->ai_family == AF_INET6)
      where = &reinterpret_cast<const sockaddr_in6*>(ai->ai_addr)->sin6_addr;
    if (where != nullptr && inet_ntop(ai->ai_family, where, buf.data(), buf.size()) != nullptr)
      out.emplace_back(buf.data());
  }
  return out;
}

struct ParsedUrl {
  std::string host;
  std::uint16_t port = 443;
};

Expected<ParsedUrl, std::string> parse_https_url(std::string_view url) {
  if (url.size() > 2048) return unexpected(std::string("the URL is too long"));
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return unexpected(std::string("not a valid absolute URL"));
  if (lower(parsed->scheme()) != "https") return unexpected(std::string("the URL must use https"));
  if (parsed->has_userinfo()) return unexpected(std::string("the URL must not carry credentials"));
  ParsedUrl out;
  out.host = lower(parsed->encoded_host_address());
  if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']')
    out.host = out.host.substr(1, out.host.size() - 2);
  if (out.host.empty()) return unexpected(std::string("the URL has no host"));
  if (parsed->has_port()) {
    const auto number = parsed->port_number();
    if (number == 0) return unexpected(std::string("the URL's port is not valid"));
    out.port = number;
  }
  return out;
}

}  // namespace

std::string_view address_class_name(AddressClass c) {
  switch (c) {
    case AddressClass::global: return "global";
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_use: return "private";
    case AddressClass::link_local: return "link-local";
    case AddressClass::unique_local: return "unique-local";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::multicast: return "multicast";
    case AddressClass::reserved: return "reserved";
  }
  return "reserved";
}

std::optional<AddressClass> classify_address(std::string_view text) {
  if (text.size() > 64) return std::nullopt;
  const std::string s(text);
  std::array<unsigned char, 4> v4{};
  if (inet_pton(AF_INET, s.c_str(), v4.data()) == 1) return classify_v4(v4);
  std::array<unsigned char, 16> v6{};
  if (inet_pton(AF_INET6, s.c_str(), v6.data()) == 1) return classify_v6(v6);
  return std::nullopt;
}

OutboundSettings parse_outbound_settings(std::string_view allow_list, std::string_view ca_file) {
  OutboundSettings out;
  while (!allow_list.empty()) {
    const auto comma = allow_list.find(',');
    auto item = trim(allow_list.substr(0, comma));
    if (item.size() > 2 && item.front() == '[' && item.back() == ']')
      item = item.substr(1, item.size() - 2);
    if (!item.empty()) out.allow_hosts.push_back(lower(item));
    if (comma == std::string_view::npos) break;
    allow_list.remove_prefix(comma + 1);
  }
  out.ca_file = std::string(trim(ca_file));
  return out;
}

const OutboundSettings& outbound_settings() {
  static const OutboundSettings kSettings = [] {
    const char* allow = std::getenv("BULWARK_OUTBOUND_ALLOW");  // NOLINT(concurrency-mt-unsafe)
    const char* ca = std::getenv("BULWARK_OUTBOUND_CA_FILE");   // NOLINT(concurrency-mt-unsafe)
    return parse_outbound_settings(allow != nullptr ? allow : "", ca != nullptr ? ca : "");
  }();
  return kSettings;
}

Expected<Destination, std::string> check_destination_with(
    std::string_view url, const OutboundSettings& settings,
    const std::vector<std::string>& resolved_addresses) {
  auto parsed = parse_https_url(url);
  if (!parsed) return unexpected(std::move(parsed.error()));
  if (resolved_addresses.empty())
    return unexpected("the host " + parsed->host + " does not resolve");
  const bool exempt = allowed_host(settings, parsed->host);
  // Every address must pass: the resolver's order is not ours to trust.
  for (const auto& address : resolved_addresses) {
    const auto cls = classify_address(address);
    if (!cls)
      return unexpected(std::string("the host resolved to something that is not an address"));
    if (*cls != AddressClass::global && !exempt)
      return unexpected("the host " + parsed->host + " is on a " +
                        std::string(address_class_name(*cls)) +
                        " network; outbound calls go only to public addresses "
                        "(the operator may list it in BULWARK_OUTBOUND_ALLOW)");
  }
  Destination d;
  d.url = std::string(url);
  d.host = parsed->host;
  d.port = parsed->port;
  d.address = resolved_addresses.front();
  const bool v6 = d.address.find(':') != std::string::npos;
  const std::string host_part = d.host.find(':') != std::string::npos ? "[" + d.host + "]" : d.host;
  d.resolve =
      host_part + ":" + std::to_string(d.port) + ":" + (v6 ? "[" + d.address + "]" : d.address);
  return d;
}

Expected<Destination, std::string> check_destination(std::string_view url,
                                                     const OutboundSettings& settings) {
  auto parsed = parse_https_url(url);
  if (!parsed) return unexpected(std::move(parsed.error()));
  return check_destination_with(url, settings, resolve_host(parsed->host, parsed->port));
}

Expected<PostResult, std::string> post_form_checked(const PostRequest& request,
                                                    const OutboundSettings& settings) {
  auto dest = check_destination(request.url, settings);
  if (!dest) return unexpected(std::move(dest.error()));
  auto result = post_form_pinned(request, {dest->resolve, settings.ca_file});
  if (result.status == 0) return unexpected("the provider could not be reached: " + result.error);
  if (result.truncated) return unexpected(std::string("the provider's answer is too large"));
  return result;
}

Expected<boost::json::value, std::string> get_json(std::string_view url,
                                                   const OutboundSettings& settings) {
  auto dest = check_destination(url, settings);
  if (!dest) return unexpected(std::move(dest.error()));
  PostRequest request;
  request.url = dest->url;
  const auto result = get_pinned(request, {dest->resolve, settings.ca_file});
  if (result.status == 0) return unexpected("the provider could not be reached: " + result.error);
  if (result.status != 200)
    return unexpected("the provider answered HTTP " + std::to_string(result.status));
  if (result.truncated) return unexpected(std::string("the provider's document is too large"));
  if (!lower(result.content_type).starts_with("application/json") &&
      !lower(result.content_type).starts_with("application/jwk-set+json"))
    return unexpected(std::string("the provider's document is not JSON"));
  boost::system::error_code ec;
  auto value = boost::json::parse(result.body, ec);
  if (ec) return unexpected(std::string("the provider's document is not valid JSON"));
  return value;
}

}  // namespace bulwark::net
