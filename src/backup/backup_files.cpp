// Settings, names, list and prune: everything about backups that does not
// read their contents.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include "backup/backup.hpp"

namespace bulwark::backup {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string read_key_text() {
  std::string inline_key = env("BULWARK_BACKUP_KEY");
  const std::string file = env("BULWARK_BACKUP_KEY_FILE");
  if (!inline_key.empty() && !file.empty())
    throw std::invalid_argument("set BULWARK_BACKUP_KEY or BULWARK_BACKUP_KEY_FILE, not both");
  if (!inline_key.empty()) return inline_key;
  if (file.empty()) return {};
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read BULWARK_BACKUP_KEY_FILE");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::optional<std::chrono::seconds> parse_retention(const std::string& text) {
  if (text.size() < 2) return std::nullopt;
  const char unit = text.back();
  std::int64_t n = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || n > 1'000'000'000) return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  switch (unit) {
    case 'd': return std::chrono::seconds(n * 86400);
    case 'h': return std::chrono::seconds(n * 3600);
    case 'm': return std::chrono::seconds(n * 60);
    case 's': return std::chrono::seconds(n);
    default: return std::nullopt;
  }
}

Settings load_settings(const std::string& database_url, const std::string& data_dir,
                       bool need_key) {
  Settings s;
  s.database_url = database_url;
  s.dir = env("BULWARK_BACKUP_DIR");
  if (s.dir.empty()) s.dir = (fs::path(data_dir) / "backups").string();
  if (const auto r = env("BULWARK_BACKUP_RETENTION"); !r.empty()) {
    auto parsed = parse_retention(r);
    if (!parsed || parsed->count() <= 0)
      throw std::invalid_argument("BULWARK_BACKUP_RETENTION must be like 90d, 12h, 30m or 45s");
    s.retention = *parsed;
  }
  const std::string text = read_key_text();
  if (text.empty()) {
    if (need_key)
      throw std::invalid_argument(
          "no backup key: set BULWARK_BACKUP_KEY or BULWARK_BACKUP_KEY_FILE (32 bytes, hex or "
          "base64; "
          "keep it apart from the master key and the backups)");
    return s;
  }
  auto key = crypto::parse_backup_key(text);
  if (!key) throw std::invalid_argument(key.error());
  s.key = std::move(*key);
  return s;
}

std::string file_name_for(std::int64_t unix_seconds, crypto::BackupKind kind) {
  const std::time_t t = unix_seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return std::string("bulwark-") + buf +
         (kind == crypto::BackupKind::sqlite ? ".sqlite" : ".pgdump") + ".bwbk";
}

std::optional<std::int64_t> time_from_name(const std::string& name) {
  // bulwark-YYYYMMDDTHHMMSSZ.
  if (name.size() < 25 || !name.starts_with("bulwark-") || !name.ends_with(".bwbk"))
    return std::nullopt;
  std::tm tm{};
  std::istringstream in(name.substr(8, 16));
  in >> std::get_time(&tm, "%Y%m%dT%H%M%SZ");
  if (in.fail()) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::vector<BackupInfo> list(const Settings& s) {
  std::vector<BackupInfo> out;
  std::error_code ec;
  if (!fs::is_directory(s.dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(s.dir)) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    const auto t = time_from_name(name);
    if (!t) continue;
    out.push_back({e.path().string(), name, *t, static_cast<std::uint64_t>(e.file_size())});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> prune(const Settings& s, std::int64_t now_unix) {
  std::vector<std::string> removed;
  const std::int64_t cutoff = now_unix - s.retention.count();
  for (const auto& b : list(s)) {
    if (b.created_unix >= cutoff) continue;
    std::error_code ec;
    if (fs::remove(b.path, ec)) removed.push_back(b.path);
  }
  return removed;
}

}  // namespace bulwark::backup
