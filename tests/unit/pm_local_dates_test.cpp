// Preventive maintenance counts days, weeks and months on the organization's
// calendar (issue 12): a job due at 09:00 in New York stays at 09:00 across
// a DST change, and months are clamped at the local month's end.
#include <gtest/gtest.h>

#include "core/org_time.hpp"
#include "domain/pm_generation.hpp"
#include "domain/timestamps.hpp"

namespace {

using namespace bulwark;

constexpr std::string_view kNewYork = "America/New_York";

std::int64_t at(const char* rfc3339) { return *domain::parse_rfc3339(rfc3339); }
std::string text(std::int64_t ms) { return domain::format_rfc3339(ms); }

TEST(PmLocalDates, DailyScheduleKeepsItsLocalTimeAcrossSpringForward) {
  // Sat Mar 7 2026, 09:00 EST; clocks spring forward on Sun Mar 8.
  const auto due = at("2026-03-07T14:00:00Z");
  const auto now = at("2026-03-07T15:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, now, kNewYork)), "2026-03-08T13:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(due, "weeks", 1, now, kNewYork)), "2026-03-14T13:00:00Z");
  // Many days later (the catch-up jump), still 09:00 EDT.
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, at("2026-06-01T12:00:00Z"), kNewYork)),
            "2026-06-01T13:00:00Z");
  // In UTC the same schedule drifts to 10:00 local: the bug this replaces.
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, now, "UTC")), "2026-03-08T14:00:00Z");
}

TEST(PmLocalDates, DailyScheduleKeepsItsLocalTimeAcrossFallBack) {
  // Sat Oct 31 2026, 09:00 EDT; clocks fall back on Sun Nov 1 (a 25-hour day).
  const auto due = at("2026-10-31T13:00:00Z");
  const auto now = at("2026-10-31T14:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, now, kNewYork)), "2026-11-01T14:00:00Z");
  // Just before 09:00 EST on Nov 1 (13:30Z is 08:30 EST): that one is still ahead.
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, at("2026-11-01T13:30:00Z"), kNewYork)),
            "2026-11-01T14:00:00Z");
}

TEST(PmLocalDates, MonthlyScheduleClampsAtTheLocalMonthEnd) {
  // Jan 31 09:00 EST + 1 month = Feb 28 09:00 EST; then Mar 31 09:00 EDT.
  const auto jan31 = at("2026-01-31T14:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(jan31, "months", 1, jan31, kNewYork)),
            "2026-02-28T14:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(jan31, "months", 1, at("2026-03-01T00:00:00Z"), kNewYork)),
            "2026-03-31T13:00:00Z");
  // Jan 30 21:00 EST is Jan 31 in UTC: counted in UTC it would come back on
  // Feb 27 local; on the local calendar it is Feb 28 21:00 EST (Mar 1 UTC).
  const auto jan30_evening = at("2026-01-31T02:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(jan30_evening, "months", 1, jan30_evening, kNewYork)),
            "2026-03-01T02:00:00Z");
  EXPECT_EQ(text(domain::next_due_after(jan30_evening, "months", 1, jan30_evening, "UTC")),
            "2026-02-28T02:00:00Z");
}

TEST(PmLocalDates, AWallTimeInTheGapMovesForward) {
  // Daily at 02:30 local: Mar 8 2026 has no 02:30 in New York; 03:30 EDT.
  const auto due = at("2026-03-07T07:30:00Z");  // 02:30 EST
  EXPECT_EQ(text(domain::next_due_after(due, "days", 1, due, kNewYork)), "2026-03-08T07:30:00Z");
  EXPECT_EQ(text(core::add_local_days(kNewYork, due, 2)), "2026-03-09T06:30:00Z");
}

}  // namespace
