#include "identity/login_throttle.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "identity/clock.hpp"

namespace bulwark::identity {

using store::Sql;

std::string account_key(std::string_view normalized_email) {
  return "account:" + crypto::sha256_hex(normalized_email);
}

std::string ip_key(std::string_view ip) { return "ip:" + std::string(ip); }

std::optional<std::int64_t> locked_for(store::Database& db, const std::string& key) {
  auto r = db.query(Sql("SELECT locked_until FROM login_throttle WHERE key = $1"), {key});
  if (r.empty()) return std::nullopt;
  const auto until = r.rows[0].integer(0), now = now_ms();
  if (until <= now) return std::nullopt;
  return (until - now + 999) / 1000;
}

std::optional<std::int64_t> record_failure(store::Database& db, const std::string& key,
                                           const ThrottlePolicy& policy) {
  std::optional<std::int64_t> locked;
  db.transaction([&](store::Connection& conn) {
    const auto now = now_ms();
    const auto window_start_cutoff = now - policy.window.count() * 1000;
    // One atomic upsert: a new window starts when the old one has passed.
    auto r = conn.query(
        Sql("INSERT INTO login_throttle (key, failures, window_start, locked_until, lockouts) "
            "VALUES ($1, 1, $2, 0, 0) ON CONFLICT (key) DO UPDATE SET "
            "failures = CASE WHEN login_throttle.window_start <= $3 THEN 1 "
            "ELSE login_throttle.failures + 1 END, "
            "window_start = CASE WHEN login_throttle.window_start <= $3 THEN $2 "
            "ELSE login_throttle.window_start END "
            "RETURNING failures, lockouts"),
        {key, now, window_start_cutoff});
    const auto failures = r.rows.at(0).integer(0);
    const auto lockouts = r.rows.at(0).integer(1);
    if (failures < policy.max_failures) return;
    const std::int64_t doubling = std::int64_t{1} << std::min<std::int64_t>(lockouts, 20);
    const std::int64_t seconds =
        std::min<std::int64_t>(policy.lockout.count() * doubling, policy.max_lockout.count());
    conn.query(Sql("UPDATE login_throttle SET failures = 0, window_start = $2, "
                   "locked_until = $3, lockouts = lockouts + 1 WHERE key = $1"),
               {key, now, now + seconds * 1000});
    locked = seconds;
  });
  return locked;
}

void clear(store::Database& db, const std::string& key) {
  db.query(Sql("DELETE FROM login_throttle WHERE key = $1"), {key});
}

}  // namespace bulwark::identity
