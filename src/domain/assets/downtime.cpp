#include "domain/assets/downtime.hpp"

#include <algorithm>

namespace bulwark::domain::assets {

Downtime compute_downtime(const StatusAt& before, const std::vector<StatusAt>& changes,
                          std::int64_t from, std::int64_t to) {
  Downtime out;
  if (to <= from) return out;
  bool down = before.to == "down";
  std::int64_t start = from;
  std::string reason = before.reason;
  auto close = [&](std::int64_t end) {
    end = std::clamp(end, from, to);
    if (end > start) {
      out.periods.push_back({start, end, false, reason});
      out.down_ms += end - start;
    }
  };
  for (const auto& c : changes) {
    if (c.at >= to) break;
    const bool now_down = c.to == "down";
    if (down && !now_down) close(c.at);
    if (!down && now_down) {
      start = std::max(c.at, from);
      reason = c.reason;
    }
    down = now_down;
  }
  if (down) {
    close(to);
    if (!out.periods.empty() && out.periods.back().end == to) out.periods.back().ongoing = true;
  }
  return out;
}

}  // namespace bulwark::domain::assets
