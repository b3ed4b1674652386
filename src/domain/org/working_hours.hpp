#pragma once
// The organization's working hours: read by the dispatch board's schedule
// check, shown and changed in its settings (owners and admins, audited).
#include <array>
#include <cstdint>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/org/working_hours_model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::org {

// Monday first; Mon-Fri 08:00-17:00 for an organization that set none.
using WeekMinutes = std::array<DayMinutes, 7>;
WeekMinutes week_minutes(store::OrgTx& tx);

WorkingHours working_hours(store::OrgTx& tx);
Expected<WorkingHours, ApiError> change_working_hours(store::OrgTx& tx, const audit::Actor& by,
                                                      const WorkingHoursChange& in);

// Whether a visit [start_ms, end_ms) leaves the working hours of the local
// day it starts on in `zone` (DST-correct: the hours are local wall times);
// a closed day or a visit that runs past midnight is outside.
bool outside_working_hours(const WeekMinutes& week, std::string_view zone, std::int64_t start_ms,
                           std::int64_t end_ms);

}  // namespace bulwark::domain::org
