#pragma once
// Where a suite that runs on both engines gets its database: SQLite, a fresh
// file per call (so tests never see each other's rows); PostgreSQL, the
// database named by BULWARK_TEST_DATABASE_URL (shared: tests there scope
// their rows by a fresh organization), or "" when it is not set (skip).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/secret.hpp"
#include "crypto/key_ring.hpp"
#include "crypto/random.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"

namespace bulwark::testing {

inline std::string test_database_url(const std::string& engine) {
  if (engine == "sqlite") {
    static int counter = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("bulwark-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return (dir / "test.sqlite3").string();
  }
  const char* url = std::getenv("BULWARK_TEST_DATABASE_URL");
  return url ? url : "";
}

inline constexpr const char* kNeedsPostgres = "set BULWARK_TEST_DATABASE_URL to run on PostgreSQL";

// The unit tests' master key, made at run time and never committed. SQLite
// files are per test: a random key per process. The PostgreSQL database is
// shared by every test process and run (passes like the start-up sealing read
// across organizations), so its key is kept in a file beside it (the test
// cluster's directory, or one named after the URL) and found again.
inline Secret test_master_key(const std::string& url) {
  if (url.rfind("postgres", 0) != 0) return Secret(crypto::random_bytes(32));
  const char* dir = std::getenv("BULWARK_TEST_PG_DIR");
  const auto name = "bulwark-unit-master-" + crypto::sha256_hex(url).substr(0, 16) + ".key";
  const auto path =
      (dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path()) / name;
  if (int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600); fd >= 0) {
    const auto hex = crypto::random_hex(32);
    const bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write " + path.string());
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  std::string raw;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    raw.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  if (raw.size() != 32) throw std::runtime_error("malformed test master key in " + path.string());
  return Secret(std::move(raw));
}

// A migrated database on `engine` ("sqlite" or "postgres"), or nullptr when
// PostgreSQL is not configured: the suite's SetUp then skips with
// kNeedsPostgres.
inline std::unique_ptr<store::Database> open_test_database(const std::string& engine,
                                                           std::size_t pool_size) {
  auto url = test_database_url(engine);
  if (url.empty()) return nullptr;
  store::DatabaseOptions o;
  o.url = url;
  o.pool_size = pool_size;
  auto db = store::open_database(o);
  store::migrate(*db);
  // Personal fields need a key ring (issue 13). The key is per URL, never one
  // static for the process: a run of both engines opens SQLite first, and
  // the shared PostgreSQL database must keep the key its organizations were
  // made with.
  crypto::attach_key_ring(*db, test_master_key(url),
                          [] { return std::int64_t{1'700'000'000'000}; });
  return db;
}

// A suite run on both engines (INSTANTIATE with "sqlite" and "postgres"):
// SetUp opens db_, or skips when PostgreSQL is not configured, then calls
// prepare() for the suite's own rows.
class EngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  explicit EngineTest(std::size_t pool_size = 2) : pool_size_(pool_size) {}
  void SetUp() override {
    db_ = open_test_database(GetParam(), pool_size_);
    if (!db_) GTEST_SKIP() << kNeedsPostgres;
    prepare();
  }
  virtual void prepare() {}

  // A fresh organization (slug `prefix-` and a random tag: PostgreSQL is shared).
  std::int64_t new_org(const std::string& prefix, const std::string& name) {
    std::int64_t id = 0;
    db_->transaction([&](store::Connection& c) {
      id = identity::create_org(c, prefix + "-" + crypto::random_token(6), name).id;
    });
    return id;
  }

  std::unique_ptr<store::Database> db_;

 private:
  std::size_t pool_size_;
};

}  // namespace bulwark::testing
