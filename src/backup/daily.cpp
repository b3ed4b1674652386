#include "backup/daily.hpp"

#include <unistd.h>

#include <cstdlib>

namespace bulwark::backup {

namespace {

using store::CrossTenantSql;

// Takes the lease when a backup is due and no live lease exists; one
// UPDATE, so of several instances exactly one gets the row back.
constexpr CrossTenantSql kClaim(
    "UPDATE backup_lease SET lease_until_ms = $1, holder_host = $2 "
    "WHERE id = 1 AND next_due_ms <= $3 AND lease_until_ms <= $3 RETURNING last_host");
constexpr CrossTenantSql kDone(
    "UPDATE backup_lease SET next_due_ms = $1, lease_until_ms = 0, last_host = $2, "
    "last_backup_ms = $3 WHERE id = 1 AND holder_host = $2");
// A failed backup gives the lease back and tries again in an hour.
constexpr CrossTenantSql kFailed(
    "UPDATE backup_lease SET next_due_ms = $1, lease_until_ms = 0 WHERE id = 1 AND holder_host = "
    "$2");

}  // namespace

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::optional<Settings> worker_settings(const std::string& database_url,
                                        const std::string& data_dir) {
  const char* k = std::getenv("BULWARK_BACKUP_KEY");
  const char* f = std::getenv("BULWARK_BACKUP_KEY_FILE");
  if ((!k || !*k) && (!f || !*f)) return std::nullopt;
  return load_settings(database_url, data_dir, true);
}

DailyReport run_daily_backup(store::Database& db, const Settings& s, const std::string& host,
                             std::int64_t now_ms) {
  DailyReport report;
  store::Result claimed;
  db.transaction([&](store::Connection& c) {
    claimed = c.query(kClaim, {now_ms + kLeaseMs, host, now_ms});
  });
  if (claimed.empty()) return report;
  const std::string last_host = claimed.rows[0].text(0);
  report.host_changed = !last_host.empty() && last_host != host;
  try {
    report.path = create(s, now_ms / 1000, {});
    report.pruned = static_cast<int>(prune(s, now_ms / 1000).size());
  } catch (...) {
    db.query(kFailed, {now_ms + kLeaseMs, host});
    throw;
  }
  db.query(kDone, {now_ms + kDayMs, host, now_ms});
  return report;
}

}  // namespace bulwark::backup
