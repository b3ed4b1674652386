#pragma once
// The daily encrypted backup's loop (backup/daily.hpp), started in every
// instance when a backup key is configured; the lease makes one of them do it.
#include <thread>

#include "config/config.hpp"
#include "store/database.hpp"

namespace bulwark::app {

// Looks every 5 minutes whether a backup is due. Returns an empty thread
// (nothing runs) without BULWARK_BACKUP_KEY / _FILE, or with bad backup
// settings (logged). The thread stops and joins when destroyed.
std::jthread start_backup_worker(store::Database& db, const config::Config& c);

}  // namespace bulwark::app
