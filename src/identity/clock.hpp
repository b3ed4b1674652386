#pragma once
#include <cstdint>

#include "core/clock.hpp"

namespace bulwark::identity {

// Milliseconds since the epoch (UTC), how timestamps are stored: the
// process clock (core/clock.hpp), for the code that has no Clock handed to
// it yet (sessions, lockouts, the workers).
inline std::int64_t now_ms() { return core::process_clock().now_ms(); }

}  // namespace bulwark::identity
