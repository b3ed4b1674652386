// core/iso_date: the calendar arithmetic of due dates (service plans, aging).
#include "core/iso_date.hpp"

#include <gtest/gtest.h>

#include "core/org_time.hpp"
#include "messaging/outbox.hpp"

namespace bulwark::core {
namespace {

using namespace std::chrono;

std::string plus(std::string_view from, int months) {
  return iso_date(add_months(*parse_iso_date(from), months));
}

TEST(IsoDate, MonthsKeepTheDayOrClampToTheMonthsEnd) {
  EXPECT_EQ(plus("2026-12-01", 36), "2029-12-01");
  EXPECT_EQ(plus("2027-01-31", 1), "2027-02-28");
  EXPECT_EQ(plus("2028-01-31", 1), "2028-02-29");  // a leap year
  EXPECT_EQ(plus("2028-02-29", 12), "2029-02-28");
  EXPECT_EQ(plus("2027-08-31", 1), "2027-09-30");
  EXPECT_EQ(plus("2027-11-15", 2), "2028-01-15");  // across a year
  EXPECT_EQ(plus("2027-03-31", 120), "2037-03-31");
}

TEST(IsoDate, OnlyRealDatesParse) {
  EXPECT_TRUE(parse_iso_date("2027-02-28"));
  for (auto bad : {"2027-02-29", "2027-13-01", "2027-00-10", "27-01-01", "2027/01/01", "2027-1-01",
                   "", "1899-12-31", "2027-01-01T00:00:00Z"})
    EXPECT_FALSE(parse_iso_date(bad)) << bad;
}

TEST(IsoDate, RemindersAreHeldInQuietHoursLikeOtherAutomatedTexts) {
  EXPECT_TRUE(messaging::held_in_quiet_hours("service_reminder"));
  EXPECT_FALSE(messaging::held_in_quiet_hours("message"));
}

}  // namespace
}  // namespace bulwark::core
