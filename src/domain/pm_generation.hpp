#pragma once
// Preventive maintenance: creates the work orders of due schedules ahead of
// time (calendar: `lead_days` before the due date; meter: when the latest
// reading reaches the threshold). Idempotent: each occurrence is claimed in
// pm_generated (unique per schedule and occurrence) in the same transaction
// that creates its work order, so a restart or a second instance on the
// same PostgreSQL never creates a duplicate.
#include <cstdint>

#include "store/database.hpp"

namespace bulwark::domain {

// Returns how many work orders were created.
int generate_pm_work_orders(store::Database& db, std::int64_t now_ms);

// Adds whole months in UTC, clamping the day (Jan 31 + 1 month = Feb 28/29).
std::int64_t add_months(std::int64_t epoch_ms, int months);

}  // namespace bulwark::domain
