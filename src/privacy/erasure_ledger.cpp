#include "privacy/erasure_ledger.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace bulwark::privacy {

namespace {

void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string ledger_dir(const std::string& data_dir) {
  if (const char* dir = std::getenv("BULWARK_BACKUP_DIR"); dir && *dir) return dir;  // NOLINT
  return data_dir + "/backups";
}

std::string ledger_path(const std::string& dir) { return dir + "/erasure-ledger.jsonl"; }

void append(const std::string& dir, const LedgerEntry& entry) {
  std::error_code ec;
  const bool created_dir = std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error("erasure ledger: cannot create its directory");
  const std::string path = ledger_path(dir);
  const bool existed = std::filesystem::exists(path, ec);
  const std::string line =
      boost::json::serialize(boost::json::object{{"org_id", entry.org_id},
                                                 {"customer_id", entry.customer_id},
                                                 {"erased_at", entry.erased_at_ms}}) +
      "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("erasure ledger: cannot open the file");
  std::size_t done = 0;
  while (done < line.size()) {
    const auto n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("erasure ledger: write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw std::runtime_error("erasure ledger: fsync failed");
  // A new file's name is durable only once its directory is synced.
  if (created_dir || !existed) fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

std::vector<LedgerEntry> read_all(const std::string& dir) {
  std::vector<LedgerEntry> out;
  std::ifstream in(ledger_path(dir));
  std::string line;
  while (std::getline(in, line)) {
    boost::system::error_code ec;
    const auto v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) continue;
    const auto& o = v.as_object();
    const auto* org = o.if_contains("org_id");
    const auto* customer = o.if_contains("customer_id");
    const auto* at = o.if_contains("erased_at");
    if (!org || !customer || !at || !org->is_int64() || !customer->is_int64() || !at->is_int64())
      continue;
    out.push_back({org->as_int64(), customer->as_int64(), at->as_int64()});
  }
  return out;
}

}  // namespace bulwark::privacy
