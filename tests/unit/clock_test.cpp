// The clocks (core/clock.hpp). unit_tests links the process clock as it
// ships, so these tests also prove that a release build cannot move time.
#include "core/clock.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "identity/clock.hpp"

namespace bulwark {
namespace {

constexpr std::int64_t kTenDaysMs = 10LL * 24 * 3600 * 1000;

TEST(FakeClock, MovesOnlyWhenTold) {
  core::FakeClock clock(1'000);
  EXPECT_EQ(clock.now_ms(), 1'000);
  clock.advance_ms(250);
  EXPECT_EQ(clock.now_ms(), 1'250);
  clock.set_ms(5);
  EXPECT_EQ(clock.now_ms(), 5);
}

// MUST-NOT-010: sessions that never expire would be a back door. The release
// process clock is the wall clock whatever BULWARK_TEST_CLOCK_FILE says.
TEST(ProcessClock, must_not_010_release_clock_cannot_be_moved) {
  const auto file =
      std::filesystem::temp_directory_path() / ("bulwark-clock-" + std::to_string(::getpid()));
  std::ofstream(file) << kTenDaysMs;
  ::setenv(core::kTestClockFileVariable, file.c_str(), 1);
  EXPECT_FALSE(core::process_clock_can_be_moved());
  const auto wall = core::SystemClock().now_ms();
  const auto process = core::process_clock().now_ms();
  const auto identity = identity::now_ms();
  ::unsetenv(core::kTestClockFileVariable);
  std::filesystem::remove(file);
  EXPECT_LT(process - wall, 60'000);
  EXPECT_GE(process, wall);
  EXPECT_LT(identity - wall, 60'000);
  EXPECT_EQ(&core::process_clock(), &core::system_clock());
}

}  // namespace
}  // namespace bulwark
