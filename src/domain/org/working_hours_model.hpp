#pragma once
// The organization's working hours per weekday (Settings -> Organization),
// read by the dispatch board to warn when a job is put outside them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"
#include "resource/read.hpp"

namespace bulwark::domain::org {

// One weekday as the API shows it: times are the organization's local wall
// times ("08:00", "17:00"; "24:00" is midnight at the end of the day).
struct WorkingDay {
  std::int64_t weekday = 1;  // ISO: 1 Monday .. 7 Sunday
  std::string name;          // "monday"
  bool open = false;
  std::optional<std::string> start, end;  // null on a closed day
};
BULWARK_RESOURCE(WorkingDay, weekday, name, open, start, end)

struct WorkingHours {
  std::vector<WorkingDay> days;  // Monday first, seven of them
};
BULWARK_RESOURCE(WorkingHours, days)

// PATCH /api/v1/org/working-hours: "monday": "08:00-17:00" opens the day,
// null closes it, a day left out keeps its hours.
using DayText = resource::Text<11>;
struct WorkingHoursChange {
  resource::Patch<DayText> monday, tuesday, wednesday, thursday, friday, saturday, sunday;
};
BULWARK_RESOURCE(WorkingHoursChange, monday, tuesday, wednesday, thursday, friday, saturday, sunday)

// [start, end) in minutes after local midnight; start == end: closed.
struct DayMinutes {
  int start = 0;
  int end = 0;
  bool open() const { return start < end; }
};

// "08:00-17:00" as minutes, or nothing when it is not a range of HH:MM
// times with the start before the end (the end may be "24:00").
std::optional<DayMinutes> parse_day(std::string_view text);

void validate(const WorkingHoursChange& c, resource::Problems& problems);

}  // namespace bulwark::domain::org
