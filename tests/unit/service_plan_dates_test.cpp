// Service plans (issue 14 item 8): the calendar arithmetic of due dates.
#include <gtest/gtest.h>

#include "core/org_time.hpp"
#include "domain/service_plans/service.hpp"
#include "messaging/outbox.hpp"

namespace bulwark::domain::service_plans {
namespace {

using namespace std::chrono;

std::string plus(std::string_view from, int months) {
  return core::iso_date(add_months(*parse_date(from), months));
}

TEST(ServicePlanDates, MonthsKeepTheDayOrClampToTheMonthsEnd) {
  EXPECT_EQ(plus("2026-12-01", 36), "2029-12-01");
  EXPECT_EQ(plus("2027-01-31", 1), "2027-02-28");
  EXPECT_EQ(plus("2028-01-31", 1), "2028-02-29");  // a leap year
  EXPECT_EQ(plus("2028-02-29", 12), "2029-02-28");
  EXPECT_EQ(plus("2027-08-31", 1), "2027-09-30");
  EXPECT_EQ(plus("2027-11-15", 2), "2028-01-15");  // across a year
  EXPECT_EQ(plus("2027-03-31", 120), "2037-03-31");
}

TEST(ServicePlanDates, OnlyRealDatesParse) {
  EXPECT_TRUE(parse_date("2027-02-28"));
  for (auto bad : {"2027-02-29", "2027-13-01", "2027-00-10", "27-01-01", "2027/01/01", "2027-1-01",
                   "", "1899-12-31", "2027-01-01T00:00:00Z"})
    EXPECT_FALSE(parse_date(bad)) << bad;
}

TEST(ServicePlanDates, RemindersAreHeldInQuietHoursLikeOtherAutomatedTexts) {
  EXPECT_TRUE(messaging::held_in_quiet_hours("service_reminder"));
  EXPECT_FALSE(messaging::held_in_quiet_hours("message"));
}

}  // namespace
}  // namespace bulwark::domain::service_plans
