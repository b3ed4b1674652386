#pragma once
// The maintenance reports (issue 14 item 7): PM compliance, mean time to
// repair and cost per asset over a window of local dates. Views only: the
// reports read, they never write.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::reports {

// A window of local dates in the organization's zone, both days included.
struct Window {
  std::string from, to, time_zone;
  std::int64_t start_ms = 0, end_ms = 0;  // [start_ms, end_ms) in UTC
};

// PM work orders whose due date falls in the window. on_time: completed by
// its due date; late: completed after it; missed: not completed and past
// due; open: not completed and not yet due. compliance_percent: on time out
// of those due by now (on_time + late + missed), rounded; null when none.
struct PmCounts {
  std::int64_t on_time = 0, late = 0, missed = 0, open = 0;
  std::optional<std::int64_t> compliance_percent;
};
BULWARK_RESOURCE(PmCounts, on_time, late, missed, open, compliance_percent)

struct PmScheduleCompliance {
  std::int64_t schedule_id = 0;
  std::string title;
  std::optional<std::string> site_name, asset_name;
  PmCounts counts;
};
BULWARK_RESOURCE(PmScheduleCompliance, schedule_id, title, site_name, asset_name, counts)

struct PmComplianceReport {  // GET /api/v1/reports/pm-compliance
  std::string from, to, time_zone;
  std::vector<PmScheduleCompliance> schedules;
  PmCounts total;
};
BULWARK_RESOURCE(PmComplianceReport, from, to, time_zone, schedules, total)

// Mean time to repair, from two sources, each said by its name:
// work_order_*: reactive work orders (corrective, emergency) on the asset
// completed in the window, created -> completed; downtime_*: the asset's
// down -> running stretches that ended in the window. Means in whole
// minutes, rounded to the nearest; null when there is nothing to average.
struct MttrFigures {
  std::int64_t work_orders = 0;
  std::optional<std::int64_t> work_order_mttr_minutes;
  std::int64_t downtime_repairs = 0;
  std::optional<std::int64_t> downtime_mttr_minutes;
};
BULWARK_RESOURCE(MttrFigures, work_orders, work_order_mttr_minutes, downtime_repairs,
                 downtime_mttr_minutes)

struct AssetMttr {
  std::int64_t asset_id = 0;
  std::string asset_name;
  std::optional<std::string> site_name;
  MttrFigures figures;
};
BULWARK_RESOURCE(AssetMttr, asset_id, asset_name, site_name, figures)

struct MttrReport {  // GET /api/v1/reports/mttr
  std::string from, to, time_zone;
  std::vector<AssetMttr> assets;
  MttrFigures overall;
};
BULWARK_RESOURCE(MttrReport, from, to, time_zone, assets, overall)

// Labour (logged minutes at the organization's labour rate) and parts of
// the asset's work orders completed (else created) in the window: the
// amounts the invoice would bill, in cents.
struct AssetCostRow {
  std::int64_t asset_id = 0;
  std::string asset_name;
  std::optional<std::string> site_name;
  std::int64_t work_orders = 0, labour_cents = 0, parts_cents = 0, total_cents = 0;
};
BULWARK_RESOURCE(AssetCostRow, asset_id, asset_name, site_name, work_orders, labour_cents,
                 parts_cents, total_cents)

struct AssetCostsReport {  // GET /api/v1/reports/asset-costs: highest total first
  std::string from, to, time_zone;
  std::vector<AssetCostRow> assets;
  std::int64_t labour_cents = 0, parts_cents = 0, total_cents = 0;
};
BULWARK_RESOURCE(AssetCostsReport, from, to, time_zone, assets, labour_cents, parts_cents,
                 total_cents)

}  // namespace bulwark::domain::reports
