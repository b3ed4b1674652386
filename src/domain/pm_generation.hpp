#pragma once
// Preventive maintenance: creates the work orders of due schedules ahead of
// time (calendar: from the start of the local day `lead_days` before the due date; meter: when the
// latest reading reaches the threshold). Idempotent: each occurrence is claimed in pm_generated
// (unique per schedule and occurrence) in the same transaction that creates its work order, so a
// restart or a second instance on the same PostgreSQL never creates a duplicate.
//
// One open generated work order per schedule at a time: while the last one
// is not completed, closed or cancelled, the schedule waits. Missed
// occurrences are not walked one by one: generating an occurrence moves the
// schedule straight to its first occurrence after now (calendar) or its
// first threshold above the latest reading (meter), so a schedule that
// started years ago yields one overdue work order, not one per missed
// interval.
#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::domain {

// Returns how many work orders were created.
int generate_pm_work_orders(store::Database& db, std::int64_t now_ms);

// The calendar schedule's next due date once the occurrence due at `due` is
// generated: the first occurrence (due + k intervals, k >= 1) after `now`.
// `unit` is days, weeks or months, counted on the calendar of the
// organization's time zone `zone` (core/org_time.hpp: the local time of day
// is kept across DST changes). Months are counted from `due`, so the day of
// the month is kept (Jan 31 -> Feb 28/29 -> Mar 31).
std::int64_t next_due_after(std::int64_t due, std::string_view unit, std::int64_t every,
                            std::int64_t now_ms, std::string_view zone);

// When the occurrence due at `due` may be generated: the start of the local
// day `lead_days` days before the due date's local day in `zone` (a plant
// in Auckland asking for 14 days' lead gets its work order on its own
// morning, not at noon when UTC's day turns, and a DST change in between
// moves nothing).
std::int64_t generation_opens(std::int64_t due, std::int64_t lead_days, std::string_view zone);

// The meter schedule's next threshold once the one at `threshold` is
// generated: the first threshold + k * every (k >= 1) above `latest`.
double next_meter_threshold(double threshold, double every, double latest);

}  // namespace bulwark::domain
