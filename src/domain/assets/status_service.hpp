#pragma once
// An asset's place in the hierarchy (site -> area -> machine), its status
// (running, down, retired) with the history of changes, the downtime they
// add up to, and what its work orders cost per month (issue 14 item 7).
#include <chrono>
#include <optional>

#include "domain/assets/service.hpp"
#include "domain/assets/status_model.hpp"

namespace bulwark::domain::assets {

// Who edits: technicians may mark an asset down or running (a machine breaks
// in front of them), nothing else.
struct Editor {
  const audit::Actor& actor;
  bool technician = false;
};

// A parent must be an asset of the organization at the same site (422
// otherwise, whatever organization it belongs to) and must not sit under
// `self` (a cycle).
Expected<void, ApiError> check_parent(store::OrgTx& tx, std::int64_t site,
                                      std::optional<std::int64_t> self, std::int64_t parent);

Outcome<AssetView> update(store::OrgTx& tx, const Editor& by, std::int64_t asset,
                          const Checked<AssetChange>& in, std::int64_t now);
// Newest first.
Outcome<resource::Items<StatusChangeView>> status_changes(store::OrgTx& tx, std::int64_t asset,
                                                          std::int64_t limit);
// Local dates, both included; this month so far when absent.
Outcome<DowntimeView> downtime(store::OrgTx& tx, std::int64_t asset,
                               std::optional<std::chrono::year_month_day> from,
                               std::optional<std::chrono::year_month_day> to, std::int64_t now);
// The last `months` local months, the current one included.
Outcome<AssetCost> cost(store::OrgTx& tx, std::int64_t asset, int months, std::int64_t now);
// Every asset's cost over [from_ms, to_ms), by the same rule; assets with no
// work order in the window are left out.
std::vector<AssetCostTotal> cost_by_asset(store::OrgTx& tx, std::int64_t from_ms,
                                          std::int64_t to_ms);

}  // namespace bulwark::domain::assets
