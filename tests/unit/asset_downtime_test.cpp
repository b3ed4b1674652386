// Downtime from an asset's status changes (issue 14 item 7): the pure
// arithmetic behind GET /api/v1/assets/{id}/downtime.
#include <gtest/gtest.h>

#include "domain/assets/downtime.hpp"

using bulwark::domain::assets::compute_downtime;
using bulwark::domain::assets::StatusAt;
using bulwark::domain::assets::whole_minutes;

namespace {
constexpr std::int64_t kMin = 60'000;
const StatusAt kRunning{"running", 0, ""};
}  // namespace

TEST(AssetDowntime, periods_inside_the_window_add_up) {
  const auto d = compute_downtime(kRunning,
                                  {{"down", 10 * kMin, "belt"},
                                   {"running", 40 * kMin, ""},
                                   {"down", 50 * kMin, "jam"},
                                   {"running", 55 * kMin, ""}},
                                  0, 100 * kMin);
  ASSERT_EQ(d.periods.size(), 2u);
  EXPECT_EQ(whole_minutes(d.down_ms), 35);
  EXPECT_EQ(d.periods[0].reason, "belt");
  EXPECT_EQ(d.periods[1].start, 50 * kMin);
  EXPECT_FALSE(d.periods[1].ongoing);
}

TEST(AssetDowntime, a_period_begun_before_the_window_is_clipped_to_it) {
  const auto d =
      compute_downtime({"down", -5 * kMin, "flood"}, {{"running", 20 * kMin, ""}}, 0, 100 * kMin);
  ASSERT_EQ(d.periods.size(), 1u);
  EXPECT_EQ(d.periods[0].start, 0);
  EXPECT_EQ(d.periods[0].end, 20 * kMin);
  EXPECT_EQ(d.periods[0].reason, "flood");
}

TEST(AssetDowntime, still_down_at_the_end_is_ongoing) {
  const auto d = compute_downtime(kRunning, {{"down", 90 * kMin, "x"}}, 0, 100 * kMin);
  ASSERT_EQ(d.periods.size(), 1u);
  EXPECT_TRUE(d.periods[0].ongoing);
  EXPECT_EQ(whole_minutes(d.down_ms), 10);
}

TEST(AssetDowntime, retired_and_repeated_states_are_not_downtime) {
  const auto d = compute_downtime(kRunning,
                                  {{"retired", 10 * kMin, ""},
                                   {"down", 20 * kMin, "a"},
                                   {"down", 30 * kMin, "b"},
                                   {"retired", 50 * kMin, ""}},
                                  0, 100 * kMin);
  ASSERT_EQ(d.periods.size(), 1u);  // down twice in a row is one period, from the first
  EXPECT_EQ(d.periods[0].start, 20 * kMin);
  EXPECT_EQ(d.periods[0].reason, "a");
  EXPECT_EQ(whole_minutes(d.down_ms), 30);
}

TEST(AssetDowntime, empty_or_reversed_window_is_nothing) {
  EXPECT_EQ(compute_downtime({"down", 0, ""}, {}, 100, 100).down_ms, 0);
  EXPECT_EQ(compute_downtime({"down", 0, ""}, {}, 100, 50).down_ms, 0);
  EXPECT_EQ(compute_downtime({"down", 0, ""}, {}, 0, 59'999).periods.size(), 1u);
  EXPECT_EQ(whole_minutes(59'999), 0);
}
