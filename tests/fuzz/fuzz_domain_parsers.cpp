// Phone numbers and timestamps arrive in every customer and work order.
// fuzz-sources: src/domain/phone.cpp src/domain/timestamps.cpp
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/phone.hpp"
#include "domain/timestamps.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto p = bulwark::domain::normalize_phone(text)) {
    if (p->size() < 9 || p->size() > 16 || (*p)[0] != '+') std::abort();
    if (bulwark::domain::normalize_phone(*p) != p) std::abort();  // idempotent
  }
  if (auto t = bulwark::domain::parse_rfc3339(text)) {
    if (*t < 0) std::abort();
    // Whole seconds round-trip through the formatter.
    auto again = bulwark::domain::parse_rfc3339(bulwark::domain::format_rfc3339(*t));
    if (!again || *again != *t / 1000 * 1000) std::abort();
  }
  return 0;
}
