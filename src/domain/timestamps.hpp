#pragma once
// RFC 3339 timestamps in the API ("2026-11-23T14:30:00Z", offsets allowed),
// integer milliseconds since the epoch (UTC) in the database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::domain {

std::optional<std::int64_t> parse_rfc3339(std::string_view text);
std::string format_rfc3339(std::int64_t epoch_ms);

}  // namespace bulwark::domain
