// The process clock (core/clock.hpp). This file is compiled twice, apart
// from bulwark_lib: as it ships (bulwark, unit_tests), where the process
// clock is the wall clock and nothing can move it, and with
// BULWARK_TEST_HOOKS=1 for bulwark-test-hooks only (CMake option
// BULWARK_TEST_HOOKS), where it follows BULWARK_TEST_CLOCK_FILE. No other
// file checks the define: a release binary holds no code that moves time
// (MUST-NOT-010: a movable clock would let a session outlive its expiry).
#include "core/clock.hpp"

#if BULWARK_TEST_HOOKS
#include <cstdlib>
#include <fstream>
#include <string>
#endif

namespace bulwark::core {

#if BULWARK_TEST_HOOKS

namespace {

// The wall clock plus the offset (integer milliseconds, may be negative)
// written in a file, read again at every look so a test moves time at once.
// A missing, empty or unreadable file means no offset.
class FileOffsetClock final : public Clock {
 public:
  explicit FileOffsetClock(const char* path) : path_(path == nullptr ? "" : path) {}
  std::int64_t now_ms() const override { return wall_.now_ms() + offset_ms(); }

 private:
  std::int64_t offset_ms() const {
    if (path_.empty()) return 0;
    std::ifstream in(path_);
    long long offset = 0;
    if (!(in >> offset)) return 0;
    return offset;
  }

  SystemClock wall_;
  std::string path_;
};

}  // namespace

const Clock& process_clock() {
  static const FileOffsetClock kClock(std::getenv(kTestClockFileVariable));
  return kClock;
}

bool process_clock_can_be_moved() { return true; }

#else

const Clock& process_clock() { return system_clock(); }

bool process_clock_can_be_moved() { return false; }

#endif

}  // namespace bulwark::core
