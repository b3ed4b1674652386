#pragma once
// RFC 3339 timestamps in the API ("2026-11-23T14:30:00Z", offsets allowed),
// integer milliseconds since the epoch (UTC) in the database.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::domain {

std::optional<std::int64_t> parse_rfc3339(std::string_view text);
std::string format_rfc3339(std::int64_t epoch_ms);

// The same text in a buffer of its own, for writers that copy it at once.
struct Rfc3339Text {
  std::array<char, 48> chars;  // written before it is read: no need to clear it
  std::size_t size = 0;
  std::string_view view() const { return {chars.data(), size}; }
};
Rfc3339Text rfc3339_text(std::int64_t epoch_ms);

}  // namespace bulwark::domain
