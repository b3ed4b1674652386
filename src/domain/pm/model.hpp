#pragma once
// Preventive-maintenance schedules on a site or an asset: what a request may
// send, what a view shows, and the row behind it (the same struct).
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/assets/model.hpp"
#include "resource/fields.hpp"

namespace bulwark::domain::pm {

using resource::Int;
using resource::Name;
using resource::OneOf;
using resource::Text;
using resource::Time;

inline constexpr std::array<std::string_view, 4> kPriorities{"low", "medium", "high", "urgent"};
inline constexpr std::array<std::string_view, 4> kIntervalUnits{"days", "weeks", "months", "meter"};
using assets::kMeterKinds;

using Id = Int<1, INT64_MAX>;
// A work order's expected length: up to a week of someone's time.
using Minutes = Int<1, 7 * 24 * 60>;

struct NewPmSchedule {  // POST /api/v1/pm-schedules
  Id site_id;
  std::optional<Id> asset_id;  // required for a meter schedule
  Text<200> title;
  std::optional<OneOf<kPriorities>> priority;  // medium
  std::optional<Id> assignee_id;
  OneOf<kIntervalUnits> interval_unit;
  Int<1, 1'000'000> interval_value;
  std::optional<OneOf<kMeterKinds>> meter_kind;                // required for a meter schedule
  std::optional<Int<0, 365>> lead_days;                        // 14
  std::optional<Time> first_due_at;                            // required for a calendar schedule
  std::optional<Int<0, 1'000'000'000'000>> first_meter_value;  // required for a meter schedule
  std::optional<Id> checklist_template_id;  // a named template (pm/checklist_plans.hpp)
  std::optional<Minutes> estimated_minutes;
};
BULWARK_RESOURCE(NewPmSchedule, site_id, asset_id, title, priority, assignee_id, interval_unit,
                 interval_value, meter_kind, lead_days, first_due_at, first_meter_value,
                 checklist_template_id, estimated_minutes)
// A calendar schedule needs its first due date; a meter schedule its asset,
// meter kind and first threshold.
void validate(const NewPmSchedule& s, std::map<std::string, std::string>& problems);

// PATCH /api/v1/pm-schedules/{id}: pause or resume a schedule, or change what
// its work orders look like. The cadence itself (unit, value, meter) is not
// editable: a new cadence is a new schedule, so the generated history stays
// explainable.
struct PmScheduleChange {
  std::optional<bool> active;
  std::optional<Name<200>> title;
  std::optional<OneOf<kPriorities>> priority;
  std::optional<Id> assignee_id;
  std::optional<Int<0, 365>> lead_days;
  // null clears them (no checklist, no estimate); absent leaves them.
  resource::Patch<Id> checklist_template_id;
  resource::Patch<Minutes> estimated_minutes;
};
BULWARK_RESOURCE(PmScheduleChange, active, title, priority, assignee_id, lead_days,
                 checklist_template_id, estimated_minutes)

// A pm_schedules row, and its view.
struct PmSchedule {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> asset_id;
  std::string title, priority;
  std::optional<std::int64_t> assignee_id;
  std::string interval_unit;
  std::int64_t interval_value = 0;
  std::optional<std::string> meter_kind;
  std::int64_t lead_days = 0;
  std::optional<Time> next_due_at;
  std::optional<double> next_meter_value;
  bool active = true;
  std::optional<std::int64_t> checklist_template_id;
  std::optional<std::int64_t> estimated_minutes;
  // Names for people to read instead of ids.
  std::optional<std::string> site_name, asset_name, assignee_name, checklist_template_name;
};
BULWARK_RESOURCE(PmSchedule, id, site_id, asset_id, title, priority, assignee_id, interval_unit,
                 interval_value, meter_kind, lead_days, next_due_at, next_meter_value, active,
                 checklist_template_id, estimated_minutes, site_name, asset_name, assignee_name,
                 checklist_template_name)

}  // namespace bulwark::domain::pm
