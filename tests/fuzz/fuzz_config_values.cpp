// Operators type these values; a typo must be an error message, not a crash.
// fuzz-sources: src/config/config.cpp src/config/smtp.cpp src/crypto/random.cpp
// fuzz-libs: -lcrypto -lfmt
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto a = bulwark::config::parse_listen_address(text); a && a->host.empty()) std::abort();
  if (auto d = bulwark::config::parse_duration(text); d && d->count() < 0) std::abort();
  return 0;
}
