#include "net/ip_ranges.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>

namespace bulwark::net {

namespace {

constexpr int kV4MappedBits = 96;

std::optional<Ip16> to_ip16(const boost::asio::ip::address& address) {
  if (address.is_v4()) {
    Ip16 out{};
    out[10] = 0xff;
    out[11] = 0xff;
    const auto v4 = address.to_v4().to_bytes();
    for (std::size_t i = 0; i < 4; ++i) out[12 + i] = v4[i];
    return out;
  }
  const auto v6 = address.to_v6();
  if (v6.scope_id() != 0) return std::nullopt;  // a zone only means something on one host
  return v6.to_bytes();
}

bool is_v4_mapped(const Ip16& a) {
  for (int i = 0; i < 10; ++i)
    if (a[i] != 0) return false;
  return a[10] == 0xff && a[11] == 0xff;
}

Ip16 masked(const Ip16& a, int bits) {
  Ip16 out{};
  for (int i = 0; i < 16; ++i) {
    const int keep = std::clamp(bits - i * 8, 0, 8);
    out[i] = keep == 0 ? 0 : static_cast<std::uint8_t>(a[i] & (0xff << (8 - keep)));
  }
  return out;
}

}  // namespace

std::optional<Ip16> parse_ip_address(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return to_ip16(address);
}

Expected<IpRange, std::string> parse_ip_range(std::string_view text) {
  const std::string shown(text.substr(0, 64));
  auto refuse = [&](std::string why) {
    return bulwark::unexpected("\"" + shown + "\" is not an IP range: " + why);
  };
  if (text.empty()) return refuse("it is empty");
  if (text.size() > 64) return refuse("it is too long");
  const auto slash = text.find('/');
  const auto address_text = text.substr(0, slash);
  if (address_text.find('%') != std::string_view::npos)
    return refuse("zone ids (%...) are not allowed");
  auto address = parse_ip_address(address_text);
  if (!address) return refuse("write an address like 203.0.113.0/24 or 2001:db8::/32");
  const bool v4 = address_text.find(':') == std::string_view::npos;
  const int max_bits = v4 ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (digits.empty() || err != std::errc{} || end != digits.data() + digits.size() || bits < 0 ||
        bits > max_bits)
      return refuse("the prefix length after / must be 0 to " + std::to_string(max_bits));
  }
  const int bits16 = v4 ? bits + kV4MappedBits : bits;
  IpRange range{masked(*address, bits16), bits16};
  if (range.network != *address)
    return refuse("the address has bits set beyond the prefix; did you mean " +
                  ip_range_text(range) + "?");
  return range;
}

std::string ip_range_text(const IpRange& range) {
  if (is_v4_mapped(range.network) && range.prefix_bits >= kV4MappedBits) {
    boost::asio::ip::address_v4::bytes_type v4{};
    for (std::size_t i = 0; i < 4; ++i) v4[i] = range.network[12 + i];
    return boost::asio::ip::address_v4(v4).to_string() + "/" +
           std::to_string(range.prefix_bits - kV4MappedBits);
  }
  return boost::asio::ip::address_v6(range.network).to_string() + "/" +
         std::to_string(range.prefix_bits);
}

bool range_contains(const IpRange& range, const Ip16& address) {
  return masked(address, range.prefix_bits) == range.network;
}

bool any_range_contains(const std::vector<IpRange>& ranges, std::string_view address) {
  const auto parsed = parse_ip_address(address);
  if (!parsed) return false;
  for (const auto& r : ranges)
    if (range_contains(r, *parsed)) return true;
  return false;
}

}  // namespace bulwark::net
