// Mean time to repair per asset and overall, from reactive work orders
// (created -> completed) and from the asset's status history (down ->
// running), each reported under its own name.
#include <map>

#include "core/try.hpp"
#include "domain/reports/repo.hpp"
#include "domain/reports/service.hpp"

namespace bulwark::domain::reports {

namespace {

constexpr std::int64_t kMinute = 60'000;
// A down stretch that ends in the window may have started before it; a year
// back is as far as one is looked for.
constexpr std::int64_t kLookBackMs = 366LL * 86'400'000;

struct Sum {
  std::int64_t count = 0, total_ms = 0;
  void add(std::int64_t ms) {
    count += 1;
    total_ms += ms;
  }
  // The mean in whole minutes, rounded to the nearest (half up).
  std::optional<std::int64_t> mean_minutes() const {
    if (count == 0) return std::nullopt;
    return (total_ms + count * kMinute / 2) / (count * kMinute);
  }
};

struct AssetSums {
  Sum work_orders, downtime;
};

MttrFigures figures(const AssetSums& s) {
  return {s.work_orders.count, s.work_orders.mean_minutes(), s.downtime.count,
          s.downtime.mean_minutes()};
}

}  // namespace

Outcome<MttrReport> mttr(store::OrgTx& tx, LocalDay from, LocalDay to, std::int64_t now) {
  BULWARK_TRY(const auto w, window(tx, from, to, now));
  std::map<std::int64_t, AssetSums> by_asset;
  AssetSums all;
  for (const auto& r : repo::repairs(tx, w.start_ms, w.end_ms)) {
    by_asset[r.asset_id].work_orders.add(r.completed_at - r.created_at);
    all.work_orders.add(r.completed_at - r.created_at);
  }
  // Oldest first per asset: a "running" after a "down" closes a repair.
  std::map<std::int64_t, std::int64_t> down_since;
  for (const auto& c : repo::status_changes(tx, w.start_ms - kLookBackMs, w.end_ms)) {
    if (c.to_status == "down") {
      down_since.try_emplace(c.asset_id, c.changed_at);
      continue;
    }
    const auto it = down_since.find(c.asset_id);
    if (it == down_since.end()) continue;
    if (c.to_status == "running" && c.changed_at >= w.start_ms) {
      by_asset[c.asset_id].downtime.add(c.changed_at - it->second);
      all.downtime.add(c.changed_at - it->second);
    }
    down_since.erase(it);  // running or retired: the stretch is over
  }
  MttrReport out{w.from, w.to, w.time_zone, {}, figures(all)};
  for (const auto& a : repo::asset_names(tx)) {
    const auto it = by_asset.find(a.id);
    if (it != by_asset.end())
      out.assets.push_back({a.id, a.name, a.site_name, figures(it->second)});
  }
  return out;
}

}  // namespace bulwark::domain::reports
