#pragma once
// Encrypted backups (issue 13 item 4): create, list, verify, restore, prune.
// The file format is crypto/chunked_stream.hpp; files are named
// bulwark-YYYYMMDDTHHMMSSZ.<sqlite|pgdump>.bwbk (UTC) in the backup
// directory, and prune reads the date from the name (a copied or touched
// file keeps its age).
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crypto/chunked_stream.hpp"

namespace bulwark::backup {

struct Settings {
  std::string database_url;  // the server's effective URL
  std::string dir;           // BULWARK_BACKUP_DIR, default <data dir>/backups
  std::string key;           // 32 raw bytes
  std::chrono::seconds retention{std::chrono::hours(24 * 90)};  // BULWARK_BACKUP_RETENTION
};

// Reads BULWARK_BACKUP_KEY / BULWARK_BACKUP_KEY_FILE, BULWARK_BACKUP_DIR and
// BULWARK_BACKUP_RETENTION ("90d", "12h", "30m", "45s"). Throws
// std::invalid_argument with an operator-readable reason. With
// need_key=false a missing key is allowed (list, prune).
Settings load_settings(const std::string& database_url, const std::string& data_dir, bool need_key);

// "90d" -> 90 days; nullopt when malformed.
std::optional<std::chrono::seconds> parse_retention(const std::string& text);

// Long commands report here (bytes done, total or 0 when unknown).
using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct BackupInfo {
  std::string path;
  std::string name;
  std::int64_t created_unix = 0;  // from the name
  std::uint64_t size = 0;
};

std::string file_name_for(std::int64_t unix_seconds, crypto::BackupKind kind);
std::optional<std::int64_t> time_from_name(const std::string& name);  // nullopt: not a backup name

// Creates a backup now; returns its path.
std::string create(const Settings& s, std::int64_t now_unix, const Progress& progress);
std::vector<BackupInfo> list(const Settings& s);  // oldest first

// Decrypts without restoring; the error says which check failed.
Expected<crypto::DecryptStats, std::string> verify(const Settings& s, const std::string& path,
                                                   const Progress& progress);

// Verifies the whole file, then restores it. Throws std::runtime_error with
// the reason when anything is refused (bad tag, running server, tool error).
void restore(const Settings& s, const std::string& path, const Progress& progress);

// Deletes backups whose name date is older than the retention; returns the
// deleted paths.
std::vector<std::string> prune(const Settings& s, std::int64_t now_unix);

}  // namespace bulwark::backup
