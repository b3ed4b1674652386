// Audit archival (issue 13 item 5.3; audit/archive.cpp), on both engines:
// entries older than the organization's audit retention move into encrypted
// monthly files, the live chain starts from the checkpoint, and verify
// proves both; a missing or altered archive file is reported.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "area_org_fixture.hpp"
#include "audit/archive.hpp"

namespace bulwark::testing {
namespace {

using store::Sql;

constexpr std::int64_t kYear = 31'557'600'000;

class AuditArchive : public OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    if (IsSkipped()) return;
    dir_ = std::filesystem::temp_directory_path() /
           ("bulwark-audit-archive-" + std::to_string(::getpid()) + "-" + GetParam() + "-" +
            std::to_string(org_));
    std::filesystem::remove_all(dir_);
    // One year (the floor): a sweep 18 months ahead archives this
    // organization's entries and no other's (the PostgreSQL database is shared).
    db_->query(Sql("UPDATE orgs SET audit_retention_years = 1 WHERE id = $1"), {org_});
    for (int i = 0; i < 5; ++i)
      audit::append(*db_, actor(owner_).entry("customer.viewed", "customer", "1", {"name"}));
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    OrgFixture::TearDown();
  }
  std::int64_t live() {
    return db_->query(Sql("SELECT COUNT(*) FROM audit_log WHERE org_id = $1"), {org_})
        .rows.at(0)
        .integer(0);
  }
  // Problems of this organization only (the PostgreSQL database is shared).
  std::vector<audit::VerifyProblem> problems() {
    std::vector<audit::VerifyProblem> mine;
    for (auto& p : audit::verify(*db_))
      if (p.org_id == org_) mine.push_back(p);
    for (auto& p : audit::verify_archives(*db_, dir_.string()))
      if (p.org_id == org_) mine.push_back(p);
    return mine;
  }
  std::filesystem::path the_file() {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir_))
      if (e.is_regular_file() &&
          e.path().string().find("/" + std::to_string(org_) + "/") != std::string::npos)
        return e.path();
    return {};
  }
  std::filesystem::path dir_;
};

// "now" 18 months ahead: every entry written by SetUp is past 1 year.
std::int64_t later() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() +
         kYear * 3 / 2;
}

TEST_P(AuditArchive, retention_audit_2y_entries_archived_and_verify_proves_archive_and_live_log) {
  EXPECT_EQ(audit::archive_old_entries(*db_, dir_.string(), later() - kYear).entries, 0);
  const auto before = live();
  const auto done = audit::archive_old_entries(*db_, dir_.string(), later());
  EXPECT_GE(done.entries, before);
  EXPECT_EQ(live(), 1);  // the archival's own entry, chained to the checkpoint
  ASSERT_FALSE(the_file().empty());
  // The file is encrypted: no action name in its bytes.
  std::ifstream in(the_file(), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(bytes.find("customer.viewed"), std::string::npos);
  EXPECT_TRUE(problems().empty());
  // New entries chain on from the checkpoint.
  audit::append(*db_, actor(owner_).entry("customer.viewed", "customer", "2"));
  EXPECT_TRUE(problems().empty());
  // A second sweep finds nothing more to archive in this organization.
  audit::archive_old_entries(*db_, dir_.string(), later());
  EXPECT_TRUE(problems().empty());
}

TEST_P(AuditArchive, retention_audit_altered_archive_fails_verify) {
  audit::archive_old_entries(*db_, dir_.string(), later());
  const auto file = the_file();
  ASSERT_FALSE(file.empty());
  {
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(40);
    f.put('\x5a');
  }
  const auto p = problems();
  ASSERT_EQ(p.size(), 1U);
  EXPECT_NE(p[0].what.find("altered"), std::string::npos) << p[0].what;
}

TEST_P(AuditArchive, retention_audit_missing_archive_fails_verify) {
  audit::archive_old_entries(*db_, dir_.string(), later());
  std::filesystem::remove(the_file());
  const auto p = problems();
  ASSERT_EQ(p.size(), 1U);
  EXPECT_NE(p[0].what.find("missing"), std::string::npos) << p[0].what;
}

TEST_P(AuditArchive, retention_audit_rows_not_covered_by_a_checkpoint_cannot_be_deleted) {
  EXPECT_ANY_THROW(db_->query(Sql("DELETE FROM audit_log WHERE org_id = $1"), {org_}));
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditArchive, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark::testing
