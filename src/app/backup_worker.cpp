#include "app/backup_worker.hpp"

#include "app/periodic_worker.hpp"
#include "backup/daily.hpp"
#include "identity/clock.hpp"
#include "logging/log.hpp"

namespace bulwark::app {

using logging::Field;

std::jthread start_backup_worker(store::Database& db, const config::Config& c) {
  std::optional<backup::Settings> settings;
  try {
    settings = backup::worker_settings(c.effective_database_url(), c.data_dir);
  } catch (const std::invalid_argument& e) {
    logging::error("daily backup disabled: bad backup settings",
                   {{Field::reason, std::string_view(e.what())}});
    return {};
  }
  if (!settings) {
    logging::warn("daily backup disabled: no BULWARK_BACKUP_KEY or BULWARK_BACKUP_KEY_FILE");
    return {};
  }
  return start_periodic(
      std::chrono::minutes(5),
      [&db, s = *settings, host = backup::host_name()] {
        const auto r = backup::run_daily_backup(db, s, host, identity::now_ms());
        if (r.host_changed)
          logging::warn(
              "the daily backup moved to another host: BULWARK_BACKUP_DIR must be shared storage",
              {{Field::name, std::string_view(host)}});
        if (!r.path.empty())
          logging::info("daily backup made", {{Field::count, std::int64_t{r.pruned}}});
        return false;
      },
      "daily backup failed");
}

}  // namespace bulwark::app
