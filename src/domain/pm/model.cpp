#include "domain/pm/model.hpp"

namespace bulwark::domain::pm {

void validate(const NewPmSchedule& s, std::map<std::string, std::string>& problems) {
  if (s.interval_unit.value == "meter") {
    if (!s.meter_kind)
      problems.emplace("meter_kind", "must be hours, gallons or cycles for a meter schedule");
    if (!s.asset_id) problems.emplace("asset_id", "a meter schedule needs an asset");
    if (!s.first_meter_value)
      problems.emplace("first_meter_value", "is required for a meter schedule");
  } else if (!s.first_due_at) {
    problems.emplace("first_due_at", "is required for a calendar schedule");
  }
}

}  // namespace bulwark::domain::pm
