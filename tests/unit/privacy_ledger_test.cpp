// The erasure ledger (issue 13 item 6) and the privacy requests' legal due
// dates: GDPR one month (30 days), CCPA 45 days.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "domain/privacy/requests.hpp"
#include "privacy/erasure_ledger.hpp"
#include "privacy/zip_writer.hpp"

namespace {

namespace fs = std::filesystem;
using bulwark::domain::privacy::due_on;
namespace ledger = bulwark::privacy;

fs::path fresh_dir() {
  auto dir = fs::temp_directory_path() / ("bulwark-ledger-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST(Privacy, ErasureLedgerAppendsIdOnlyLinesAndReadsThemBack) {
  const auto dir = fresh_dir() / "backups";
  ledger::append(dir.string(), {7, 42, 1700000000000});
  ledger::append(dir.string(), {8, 43, 1700000000001});
  {
    std::ofstream torn(ledger::ledger_path(dir.string()), std::ios::app);
    torn << R"({"org_id":9,"custo)";  // a crash mid-write
  }
  const auto all = ledger::read_all(dir.string());
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].org_id, 7);
  EXPECT_EQ(all[0].customer_id, 42);
  EXPECT_EQ(all[1].erased_at_ms, 1700000000001);
  std::ifstream in(ledger::ledger_path(dir.string()));
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, R"({"org_id":7,"customer_id":42,"erased_at":1700000000000})");
  fs::remove_all(dir.parent_path());
}

TEST(Privacy, ErasureLedgerDirectoryFollowsTheBackupDirectory) {
  ::unsetenv("BULWARK_BACKUP_DIR");
  EXPECT_EQ(ledger::ledger_dir("/var/lib/bulwark"), "/var/lib/bulwark/backups");
  ::setenv("BULWARK_BACKUP_DIR", "/mnt/backups", 1);
  EXPECT_EQ(ledger::ledger_dir("/var/lib/bulwark"), "/mnt/backups");
  ::unsetenv("BULWARK_BACKUP_DIR");
}

TEST(Privacy, RequestDueDatesAre30DaysForGdprAnd45ForCcpa) {
  EXPECT_EQ(due_on("2026-01-31", "gdpr"), "2026-03-02");
  EXPECT_EQ(due_on("2024-01-31", "gdpr"), "2024-03-01");  // leap year
  EXPECT_EQ(due_on("2026-12-20", "ccpa"), "2027-02-03");
  EXPECT_EQ(due_on("2026-02-30", "gdpr"), std::nullopt);
  EXPECT_EQ(due_on("2026-1-5x", "gdpr"), std::nullopt);
}

TEST(Privacy, ZipWriterStoresEveryEntry) {
  const auto zip = ledger::build_zip({{"customer.json", "{}"}, {"attachments/1-a.png", "PNG"}});
  ASSERT_GT(zip.size(), 22U);
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(zip.find("attachments/1-a.png"), std::string::npos);
}

}  // namespace
