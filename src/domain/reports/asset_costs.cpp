// Labour and parts cost per asset over the window, highest first: the
// per-asset monthly cost's rule (domain/assets/report.cpp) over every asset.
#include <algorithm>
#include <map>

#include "core/try.hpp"
#include "domain/assets/status_service.hpp"
#include "domain/reports/repo.hpp"
#include "domain/reports/service.hpp"

namespace bulwark::domain::reports {

Outcome<AssetCostsReport> asset_costs(store::OrgTx& tx, LocalDay from, LocalDay to,
                                      std::int64_t now) {
  BULWARK_TRY(const auto w, window(tx, from, to, now));
  AssetCostsReport out{w.from, w.to, w.time_zone, {}, 0, 0, 0};
  std::map<std::int64_t, assets::AssetCostTotal> costs;
  for (const auto& c : assets::cost_by_asset(tx, w.start_ms, w.end_ms)) costs[c.asset_id] = c;
  for (const auto& a : repo::asset_names(tx)) {
    const auto it = costs.find(a.id);
    if (it == costs.end()) continue;
    const auto& c = it->second;
    out.assets.push_back({a.id, a.name, a.site_name, c.work_orders, c.labour_cents, c.parts_cents,
                          c.labour_cents + c.parts_cents});
    out.labour_cents += c.labour_cents;
    out.parts_cents += c.parts_cents;
  }
  out.total_cents = out.labour_cents + out.parts_cents;
  std::stable_sort(out.assets.begin(), out.assets.end(), [](const auto& a, const auto& b) {
    return a.total_cents != b.total_cents ? a.total_cents > b.total_cents
                                          : a.asset_name < b.asset_name;
  });
  return out;
}

}  // namespace bulwark::domain::reports
