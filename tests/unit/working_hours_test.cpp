// The organization's working hours (domain/org/working_hours): the "HH:MM-HH:MM"
// text, and whether a visit leaves them on its local day, across DST changes.
#include "domain/org/working_hours.hpp"

#include <gtest/gtest.h>

#include "domain/timestamps.hpp"

namespace {

using namespace bulwark;

constexpr std::string_view kNewYork = "America/New_York";

std::int64_t at(const char* rfc3339) { return *domain::parse_rfc3339(rfc3339); }

// Every day 08:00-17:00.
domain::org::WeekMinutes every_day() {
  domain::org::WeekMinutes week{};
  for (auto& d : week) d = {8 * 60, 17 * 60};
  return week;
}

TEST(WorkingHours, ParsesADayOrRefusesIt) {
  const auto d = domain::org::parse_day("08:00-17:30");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->start, 480);
  EXPECT_EQ(d->end, 1050);
  EXPECT_EQ(domain::org::parse_day("00:00-24:00")->end, 1440);
  for (const char* bad : {"17:00-08:00", "08:00-08:00", "8-17", "08:60-09:00", "24:01-24:02",
                          "08:00", "-", "aa:bb-cc:dd", "08:00-17:00x"})
    EXPECT_FALSE(domain::org::parse_day(bad)) << bad;
}

TEST(WorkingHours, AVisitOutsideTheLocalHoursIsFlagged) {
  const auto week = every_day();
  // Tue 2031-12-02 in New York (EST, UTC-5): 08:00 is 13:00Z, 17:00 is 22:00Z.
  EXPECT_FALSE(domain::org::outside_working_hours(week, kNewYork, at("2031-12-02T13:00:00Z"),
                                                  at("2031-12-02T22:00:00Z")));
  EXPECT_TRUE(domain::org::outside_working_hours(week, kNewYork, at("2031-12-02T12:59:00Z"),
                                                 at("2031-12-02T14:00:00Z")));
  EXPECT_TRUE(domain::org::outside_working_hours(week, kNewYork, at("2031-12-02T21:00:00Z"),
                                                 at("2031-12-02T22:01:00Z")));
  // A closed day.
  auto closed_tuesday = week;
  closed_tuesday.at(1) = {};
  EXPECT_TRUE(domain::org::outside_working_hours(
      closed_tuesday, kNewYork, at("2031-12-02T15:00:00Z"), at("2031-12-02T16:00:00Z")));
}

TEST(WorkingHours, TheHoursAreWallTimesOnDstDays) {
  const auto week = every_day();
  // Sun 2031-03-09 springs forward: 08:00 is EDT (12:00Z), not EST (13:00Z).
  EXPECT_FALSE(domain::org::outside_working_hours(week, kNewYork, at("2031-03-09T12:00:00Z"),
                                                  at("2031-03-09T13:00:00Z")));
  EXPECT_TRUE(domain::org::outside_working_hours(week, kNewYork, at("2031-03-09T11:59:00Z"),
                                                 at("2031-03-09T13:00:00Z")));
  // Sun 2031-11-02 falls back: 17:00 is EST (22:00Z), not EDT (21:00Z).
  EXPECT_FALSE(domain::org::outside_working_hours(week, kNewYork, at("2031-11-02T21:00:00Z"),
                                                  at("2031-11-02T22:00:00Z")));
  EXPECT_TRUE(domain::org::outside_working_hours(week, kNewYork, at("2031-11-02T21:00:00Z"),
                                                 at("2031-11-02T22:01:00Z")));
}

TEST(WorkingHours, AVisitThatRunsPastMidnightIsOutside) {
  auto week = every_day();
  for (auto& d : week) d = {0, 24 * 60};  // open all day
  EXPECT_FALSE(domain::org::outside_working_hours(week, kNewYork, at("2031-12-02T05:00:00Z"),
                                                  at("2031-12-03T05:00:00Z")));
  EXPECT_TRUE(domain::org::outside_working_hours(week, kNewYork, at("2031-12-03T04:00:00Z"),
                                                 at("2031-12-03T05:01:00Z")));
}

}  // namespace
