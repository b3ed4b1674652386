#pragma once
// The daily backup, run by the worker of every instance but made by one: the
// instance whose UPDATE takes the lease row (migration 0018) when a backup is
// due makes it, prunes old ones, and sets the next due time a day later.
#include <cstdint>
#include <optional>
#include <string>

#include "backup/backup.hpp"
#include "store/database.hpp"

namespace bulwark::backup {

struct DailyReport {
  std::string path;           // the backup made (empty: not due or another instance has it)
  int pruned = 0;             // backups deleted by the retention
  bool host_changed = false;  // the previous backup was made on another host
};

// Lease length: a backup that takes longer is taken over by another instance.
inline constexpr std::int64_t kLeaseMs = 60LL * 60 * 1000;
inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

DailyReport run_daily_backup(store::Database& db, const Settings& s, const std::string& host,
                             std::int64_t now_ms);

// Settings for the worker, or nullopt when no backup key is configured (the
// worker then does nothing). Throws std::invalid_argument on a bad setting.
std::optional<Settings> worker_settings(const std::string& database_url,
                                        const std::string& data_dir);

// This machine's host name (the lease holder's name in the warning).
std::string host_name();

}  // namespace bulwark::backup
