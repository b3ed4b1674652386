#pragma once
// Security policies as configured (config/config.hpp holds the numbers).
#include "config/config.hpp"
#include "identity/login_throttle.hpp"
#include "identity/sessions.hpp"

namespace bulwark::app {

inline identity::SessionPolicy session_policy(const config::Config& c) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  identity::SessionPolicy p;
  p.idle_timeout = std::max(seconds(1), duration_cast<seconds>(c.session_idle_timeout));
  p.absolute_lifetime = std::max(seconds(1), duration_cast<seconds>(c.session_lifetime));
  p.touch_interval = std::min(seconds(60), p.idle_timeout / 4 + seconds(0));
  return p;
}

inline identity::ThrottlePolicy account_throttle(const config::Config& c) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  identity::ThrottlePolicy p;
  p.max_failures = c.lockout_failures;
  p.window = duration_cast<seconds>(c.lockout_window);
  p.lockout = duration_cast<seconds>(c.lockout_duration);
  return p;
}

inline identity::ThrottlePolicy ip_throttle(const config::Config& c) {
  auto p = account_throttle(c);
  p.max_failures = c.ip_failure_limit;
  return p;
}

}  // namespace bulwark::app
