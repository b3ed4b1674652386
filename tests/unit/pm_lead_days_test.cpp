// A PM schedule's lead time is counted in the organization's local days
// (issue 14 item 7): its work order appears from the start of the local day
// `lead_days` before the due date's local day, whatever UTC's day is and
// across a DST change.
#include <gtest/gtest.h>

#include "domain/pm_generation.hpp"
#include "domain/timestamps.hpp"

using bulwark::domain::format_rfc3339;
using bulwark::domain::generation_opens;
using bulwark::domain::parse_rfc3339;

TEST(PmLeadDays, OpensAtTheStartOfTheLocalDayLeadDaysBefore) {
  const auto due = *parse_rfc3339("2026-12-15T09:00:00Z");
  EXPECT_EQ(format_rfc3339(generation_opens(due, 14, "UTC")), "2026-12-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(generation_opens(due, 0, "UTC")), "2026-12-15T00:00:00Z");
}

// Kiritimati is UTC+14: 09:00 local on Dec 15 is 19:00Z on Dec 14, and
// Dec 1 local starts at 10:00Z on Nov 30. Counted in UTC days, the work
// order would have waited until 19:00Z on Nov 30 (09:00 local on Dec 1).
TEST(PmLeadDays, FarFromUtcCountsTheOrganizationsDays) {
  const auto due = *parse_rfc3339("2026-12-14T19:00:00Z");
  EXPECT_EQ(format_rfc3339(generation_opens(due, 14, "Pacific/Kiritimati")),
            "2026-11-30T10:00:00Z");
  // Samoa's neighbour on the other side of the date line: UTC-11.
  EXPECT_EQ(format_rfc3339(
                generation_opens(*parse_rfc3339("2026-12-15T20:00:00Z"), 1, "Pacific/Pago_Pago")),
            "2026-12-14T11:00:00Z");
}

// New York springs forward on 2026-03-08: the day 14 days before a due
// date of March 20 starts at 05:00Z (EST), not at 04:00Z as the due date's
// own offset (EDT) would say.
TEST(PmLeadDays, AcrossADstChangeTheLocalMidnightIsKept) {
  const auto due = *parse_rfc3339("2026-03-20T13:00:00Z");  // 09:00 EDT
  EXPECT_EQ(format_rfc3339(generation_opens(due, 14, "America/New_York")), "2026-03-06T05:00:00Z");
  EXPECT_EQ(format_rfc3339(generation_opens(due, 10, "America/New_York")), "2026-03-10T04:00:00Z");
}
