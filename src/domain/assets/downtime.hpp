#pragma once
// Downtime from an asset's status changes: pure arithmetic, no database, so
// a unit test can try every edge (a period that began before the window,
// one still open, back-to-back changes).
#include <cstdint>
#include <string>
#include <vector>

namespace bulwark::domain::assets {

struct StatusAt {  // the asset became `to` at `at` (ms since the epoch)
  std::string to;
  std::int64_t at = 0;
  std::string reason;
};

struct DownPeriod {
  std::int64_t start = 0, end = 0;  // clipped to [from, to)
  bool ongoing = false;             // still down at `to`
  std::string reason;               // of the change that took it down
};

struct Downtime {
  std::vector<DownPeriod> periods;
  std::int64_t down_ms = 0;
};

// `before` is the last change at or before `from` (to = "running" and
// at = 0 when there is none: assets start running); `changes` are those in
// (from, to), oldest first. Only "down" counts: retired is not downtime.
Downtime compute_downtime(const StatusAt& before, const std::vector<StatusAt>& changes,
                          std::int64_t from, std::int64_t to);

// Whole minutes, rounded down.
inline std::int64_t whole_minutes(std::int64_t ms) { return ms / 60000; }

}  // namespace bulwark::domain::assets
