// Allowlist ranges come from owners and API-client admins; client addresses
// from the trusted proxy's X-Forwarded-For.
// fuzz-sources: src/net/ip_ranges.cpp
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "net/ip_ranges.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto range = bulwark::net::parse_ip_range(text);
  if (range) {
    // The canonical text parses back to the same range, which holds its own network.
    auto again = bulwark::net::parse_ip_range(bulwark::net::ip_range_text(*range));
    if (!again || !(*again == *range)) std::abort();
    if (!bulwark::net::range_contains(*range, range->network)) std::abort();
  }
  (void)bulwark::net::any_range_contains({bulwark::net::IpRange{}}, text);
  return 0;
}
