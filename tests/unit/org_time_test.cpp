// The organization's local time (core/org_time): DST-correct day boundaries,
// wall times in a gap and an overlap, customer-facing formatting, quiet hours.
#include "core/org_time.hpp"

#include <gtest/gtest.h>

#include "domain/timestamps.hpp"

namespace {

using namespace bulwark;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr std::string_view kNewYork = "America/New_York";
constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t at(const char* rfc3339) { return *domain::parse_rfc3339(rfc3339); }

year_month_day ymd(int y, unsigned m, unsigned d) { return {year(y), month(m), day(d)}; }

TEST(OrgTime, ValidatesZoneNames) {
  EXPECT_TRUE(core::is_valid_time_zone("America/New_York"));
  EXPECT_TRUE(core::is_valid_time_zone("UTC"));
  EXPECT_TRUE(core::is_valid_time_zone("Europe/Paris"));
  EXPECT_FALSE(core::is_valid_time_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(core::is_valid_time_zone(""));
  EXPECT_FALSE(core::is_valid_time_zone("../../etc/passwd"));
  EXPECT_FALSE(core::is_valid_time_zone("america/new_york"));  // names are case-sensitive
}

TEST(OrgTime, OrdinaryDayIs24Hours) {
  const auto d = core::day_bounds(kNewYork, ymd(2026, 12, 2));
  EXPECT_EQ(d.start_ms, at("2026-12-02T05:00:00Z"));
  EXPECT_EQ(d.end_ms, at("2026-12-03T05:00:00Z"));
}

TEST(OrgTime, SpringForwardDayIs23Hours) {
  const auto d = core::day_bounds(kNewYork, ymd(2026, 3, 8));
  EXPECT_EQ(d.start_ms, at("2026-03-08T05:00:00Z"));  // EST midnight
  EXPECT_EQ(d.end_ms, at("2026-03-09T04:00:00Z"));    // EDT midnight
  EXPECT_EQ(d.end_ms - d.start_ms, 23 * kHourMs);
}

TEST(OrgTime, FallBackDayIs25Hours) {
  const auto d = core::day_bounds(kNewYork, ymd(2026, 11, 1));
  EXPECT_EQ(d.start_ms, at("2026-11-01T04:00:00Z"));
  EXPECT_EQ(d.end_ms, at("2026-11-02T05:00:00Z"));
  EXPECT_EQ(d.end_ms - d.start_ms, 25 * kHourMs);
}

TEST(OrgTime, WallTimeInTheGapMovesForward) {
  // 02:30 does not exist on 2026-03-08 in New York: read as 03:30 EDT.
  EXPECT_EQ(core::local_to_utc(kNewYork, ymd(2026, 3, 8), 2, 30), at("2026-03-08T07:30:00Z"));
  EXPECT_EQ(core::local_to_utc(kNewYork, ymd(2026, 3, 8), 3, 0), at("2026-03-08T07:00:00Z"));
}

TEST(OrgTime, WallTimeInTheOverlapIsTheEarlierInstant) {
  // 01:30 happens twice on 2026-11-01: 05:30Z (EDT) and 06:30Z (EST).
  EXPECT_EQ(core::local_to_utc(kNewYork, ymd(2026, 11, 1), 1, 30), at("2026-11-01T05:30:00Z"));
  EXPECT_EQ(core::local_hour(kNewYork, at("2026-11-01T05:30:00Z")), 1);
  EXPECT_EQ(core::local_hour(kNewYork, at("2026-11-01T06:30:00Z")), 1);
}

TEST(OrgTime, LocalDateIsTheZonesDate) {
  // 03:00Z on Dec 3 is still Dec 2 in New York.
  EXPECT_EQ(core::local_date(kNewYork, at("2026-12-03T03:00:00Z")), ymd(2026, 12, 2));
  EXPECT_EQ(core::local_date("UTC", at("2026-12-03T03:00:00Z")), ymd(2026, 12, 3));
}

TEST(OrgTime, FormatsForACustomersText) {
  const auto job = at("2025-12-02T20:00:00Z");  // a Tuesday, 15:00 in New York
  EXPECT_EQ(core::format_local(kNewYork, job), "Tue Dec 2, 3:00 PM");
  EXPECT_EQ(core::format_local_date(kNewYork, job), "Tue Dec 2");
  EXPECT_EQ(core::format_local_time(kNewYork, job), "3:00 PM");
  EXPECT_EQ(core::format_local_time(kNewYork, at("2025-12-02T05:05:00Z")), "12:05 AM");
  EXPECT_EQ(core::format_local_time(kNewYork, at("2025-12-02T17:30:00Z")), "12:30 PM");
  EXPECT_EQ(core::format_local("UTC", job), "Tue Dec 2, 8:00 PM");
  // Across the change, the same wall clock reads the right offset.
  EXPECT_EQ(core::format_local(kNewYork, at("2026-03-08T07:30:00Z")), "Sun Mar 8, 3:30 AM");
}

TEST(OrgTime, IsoDate) {
  EXPECT_EQ(core::iso_date(ymd(2026, 3, 8)), "2026-03-08");
  EXPECT_EQ(core::iso_date(ymd(1999, 12, 31)), "1999-12-31");
}

TEST(OrgTime, UnknownZoneStoredReadsAsUtc) {
  EXPECT_EQ(core::format_local("Nowhere/Else", at("2025-12-02T20:00:00Z")), "Tue Dec 2, 8:00 PM");
}

TEST(OrgTime, TextWindowIs8To21Local) {
  // 12:00 New York: open.
  EXPECT_EQ(core::text_window_opens_at(kNewYork, at("2026-12-02T17:00:00Z")), 0);
  // 07:59 New York: opens at 08:00 the same day.
  EXPECT_EQ(core::text_window_opens_at(kNewYork, at("2026-12-02T12:59:00Z")),
            at("2026-12-02T13:00:00Z"));
  // 21:00 New York: closed until 08:00 tomorrow.
  EXPECT_EQ(core::text_window_opens_at(kNewYork, at("2026-12-03T02:00:00Z")),
            at("2026-12-03T13:00:00Z"));
  // 20:59 is still inside.
  EXPECT_EQ(core::text_window_opens_at(kNewYork, at("2026-12-03T01:59:00Z")), 0);
  // The evening before spring forward: the window opens at 08:00 EDT.
  EXPECT_EQ(core::text_window_opens_at(kNewYork, at("2026-03-08T03:00:00Z")),
            at("2026-03-08T12:00:00Z"));
}

}  // namespace
