#pragma once
// IP allowlists (issue 15 item 5): IPv4 and IPv6 CIDR ranges, parsed by
// Boost.Asio's address parser and matched in one address space. IPv4 lives
// in IPv6 as ::ffff:a.b.c.d (RFC 4291 §2.5.5.2), so "10.0.0.0/8" also covers
// a client that reached us over a dual-stack socket as ::ffff:10.1.2.3, and
// an IPv4-mapped range is the same as the IPv4 one.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace bulwark::net {

using Ip16 = std::array<std::uint8_t, 16>;

struct IpRange {
  Ip16 network{};       // host bits zero
  int prefix_bits = 0;  // 0..128 in the IPv6 space (an IPv4 /8 is 104)
  bool operator==(const IpRange&) const = default;
};

// "203.0.113.0/24", "2001:db8::/32", or a single address ("198.51.100.7",
// "::1", taken as /32 or /128). Refused, with a sentence a person can act on:
// anything else, zone ids ("fe80::1%eth0"), a prefix out of range, and host
// bits set ("10.0.0.1/8": did you mean 10.0.0.0/8?), which is almost always
// a typo that would silently widen or narrow the list.
Expected<IpRange, std::string> parse_ip_range(std::string_view text);

// The canonical text of a range: IPv4 ranges as IPv4 ("10.0.0.0/8"),
// others compressed IPv6. What is stored and shown.
std::string ip_range_text(const IpRange& range);

// An address in the IPv6 space, IPv4 and IPv4-mapped normalised alike.
// nullopt for anything that is not one address (the client address comes
// from the socket or the trusted proxy; "unknown" never matches).
std::optional<Ip16> parse_ip_address(std::string_view text);

bool range_contains(const IpRange& range, const Ip16& address);

// True when the address is inside one of the ranges. An empty list allows
// nothing: callers treat "no allowlist" separately.
bool any_range_contains(const std::vector<IpRange>& ranges, std::string_view address);

}  // namespace bulwark::net
