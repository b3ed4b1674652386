#pragma once
// Where a suite that runs on both engines gets its database: SQLite, a fresh
// file per call (so tests never see each other's rows); PostgreSQL, the
// database named by BULWARK_TEST_DATABASE_URL (shared: tests there scope
// their rows by a fresh organization), or "" when it is not set (skip).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

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

}  // namespace bulwark::testing
