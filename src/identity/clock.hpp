#pragma once
#include <chrono>
#include <cstdint>

namespace bulwark::identity {

// Wall-clock milliseconds since the epoch (UTC): how timestamps are stored.
inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace bulwark::identity
