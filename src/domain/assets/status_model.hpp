#pragma once
// An asset's place in the hierarchy and its status (issue 14 item 7): the
// PATCH body, the status history, downtime and cost per month.
#include <optional>
#include <string>
#include <vector>

#include "domain/assets/model.hpp"

namespace bulwark::domain::assets {

struct AssetChange {  // PATCH /api/v1/assets/{id}
  std::optional<resource::Name<200>> name;
  resource::Patch<resource::Ref<ParentRef>> parent_id;  // null: directly at the site
  std::optional<OneOf<kAssetStatuses>> status;
  std::optional<Text<500, 0>> reason;  // why it went down (or back up)
  resource::Version version;
};
BULWARK_RESOURCE(AssetChange, name, parent_id, status, reason, version)

// A row of asset_status_changes, with who made it.
struct StatusChangeView {
  std::int64_t id = 0;
  std::string from_status, to_status, reason;
  std::optional<std::string> changed_by_name;
  Time changed_at;
};
BULWARK_RESOURCE(StatusChangeView, id, from_status, to_status, reason, changed_by_name, changed_at)

// One stretch of time the asset was down, clipped to the asked window.
struct DownPeriodView {
  Time start;
  std::optional<Time> end;  // null: still down
  std::int64_t minutes = 0;
  std::string reason;
};
BULWARK_RESOURCE(DownPeriodView, start, end, minutes, reason)

// GET /api/v1/assets/{id}/downtime: from and to are local dates (inclusive)
// in the organization's zone.
struct DowntimeView {
  std::string from, to, time_zone;
  std::int64_t down_minutes = 0;
  std::vector<DownPeriodView> periods;
};
BULWARK_RESOURCE(DowntimeView, from, to, time_zone, down_minutes, periods)

// One local month of the asset's work orders (by completion, else creation).
struct CostMonth {
  std::string month;  // "2026-12"
  std::int64_t work_orders = 0;
  std::int64_t labour_cents = 0, parts_cents = 0, total_cents = 0;
};
BULWARK_RESOURCE(CostMonth, month, work_orders, labour_cents, parts_cents, total_cents)

// GET /api/v1/assets/{id}/cost: oldest month first, the current one last.
struct AssetCost {
  std::string time_zone;
  std::vector<CostMonth> months;
  std::int64_t labour_cents = 0, parts_cents = 0, total_cents = 0;
};
BULWARK_RESOURCE(AssetCost, time_zone, months, labour_cents, parts_cents, total_cents)

// Rows behind them.
struct StatusPoint {
  std::string to_status, reason;
  std::int64_t changed_at = 0;
};
BOOST_DESCRIBE_STRUCT(StatusPoint, (), (to_status, reason, changed_at))

struct AssetPlace {  // what an edit checks against
  std::int64_t id = 0, site_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string status;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(AssetPlace, (), (id, site_id, parent_id, status, version))

struct CostWorkRow {
  std::int64_t id = 0, at = 0, labour_minutes = 0, asset_id = 0;
};
BOOST_DESCRIBE_STRUCT(CostWorkRow, (), (id, at, labour_minutes, asset_id))

struct CostPartRow {
  std::int64_t work_order_id = 0;
  double quantity = 0;
  std::int64_t unit_cost_cents = 0;
};
BOOST_DESCRIBE_STRUCT(CostPartRow, (), (work_order_id, quantity, unit_cost_cents))

// One asset's work orders over a window, at billing amounts (the cost per
// month's arithmetic, summed over the window instead of per month).
struct AssetCostTotal {
  std::int64_t asset_id = 0, work_orders = 0, labour_cents = 0, parts_cents = 0;
};

}  // namespace bulwark::domain::assets
