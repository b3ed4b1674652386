// Backup file names carry their UTC date (prune reads it) and the retention
// setting's forms.
#include <gtest/gtest.h>

#include "backup/backup.hpp"

namespace {

using bulwark::backup::file_name_for;
using bulwark::backup::parse_retention;
using bulwark::backup::time_from_name;
using bulwark::crypto::BackupKind;

TEST(BackupFiles, NameCarriesTheUtcTimeAndReadsBack) {
  const std::int64_t t = 1'796'000'000;  // 2026-11-29T...Z
  const auto sqlite = file_name_for(t, BackupKind::sqlite);
  EXPECT_TRUE(sqlite.starts_with("bulwark-2026")) << sqlite;
  EXPECT_TRUE(sqlite.ends_with(".sqlite.bwbk")) << sqlite;
  EXPECT_TRUE(file_name_for(t, BackupKind::pg_dump).ends_with(".pgdump.bwbk"));
  EXPECT_EQ(time_from_name(sqlite), t);
  EXPECT_EQ(time_from_name("bulwark-20200101T000000Z.sqlite.bwbk"), 1'577'836'800);
  EXPECT_FALSE(time_from_name("bulwark-2020.sqlite.bwbk"));
  EXPECT_FALSE(time_from_name("notes.txt"));
  EXPECT_FALSE(time_from_name("bulwark-20200101T000000Z.sqlite.bwbk.partial"));
}

TEST(BackupFiles, RetentionForms) {
  EXPECT_EQ(parse_retention("90d"), std::chrono::seconds(90 * 86400));
  EXPECT_EQ(parse_retention("12h"), std::chrono::seconds(12 * 3600));
  EXPECT_EQ(parse_retention("30m"), std::chrono::seconds(1800));
  EXPECT_EQ(parse_retention("45s"), std::chrono::seconds(45));
  EXPECT_FALSE(parse_retention("90"));
  EXPECT_FALSE(parse_retention("d"));
  EXPECT_FALSE(parse_retention("-5d"));
  EXPECT_FALSE(parse_retention("9x"));
}

}  // namespace
