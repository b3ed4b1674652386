#pragma once
// The one clock. Services and handlers read time through a Clock they are
// given, never from a process-wide function, so service unit tests use a
// fake clock and expiry can be tested without sleeping. Stored times are
// integer milliseconds since the epoch (UTC).
#include <atomic>
#include <chrono>
#include <cstdint>

namespace bulwark::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ms() const = 0;
};

// Wall-clock time.
class SystemClock final : public Clock {
 public:
  std::int64_t now_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// The process's wall clock, for code that has no Services (the admin CLI).
inline const Clock& system_clock() {
  static const SystemClock kClock;
  return kClock;
}

// The server's clock: what main() gives the services and identity::now_ms()
// reads. In every release build it is system_clock() and nothing can move
// it. Only the test-hooks binary (CMake -DBULWARK_TEST_HOOKS=ON builds
// bulwark-test-hooks, with process_clock.cpp compiled again under that
// define) adds the milliseconds written in the file kTestClockFileVariable
// names, so API tests move time instead of sleeping. A release binary that
// could move time would let sessions outlive their expiry (MUST-NOT-010).
const Clock& process_clock();
// True only in the test-hooks binary.
bool process_clock_can_be_moved();
inline constexpr const char* kTestClockFileVariable = "BULWARK_TEST_CLOCK_FILE";

// A clock that only moves when told: for unit tests of services.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t start_ms = 1'767'225'600'000) : now_(start_ms) {}
  std::int64_t now_ms() const override { return now_.load(); }
  void advance_ms(std::int64_t ms) { now_ += ms; }
  void set_ms(std::int64_t ms) { now_ = ms; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace bulwark::core
