// The retention sweep's issue-12 additions (app/retention.cpp), on both
// engines: site access reveals older than 2 days, and on SQLite attachment
// files that no row names (a crash between the file and the commit) once
// they are an hour old.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "app/retention.hpp"
#include "area_org_fixture.hpp"
#include "config/config.hpp"
#include "store/blob_orphans.hpp"
#include "store/blob_store.hpp"

namespace bulwark::testing {
namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kNow = 1'800'000'000'000;

class RetentionSweep : public OrgFixture {
 protected:
  std::int64_t reveals() {
    return db_
        ->query(store::Sql("SELECT COUNT(*) FROM site_access_reveals WHERE org_id = $1"), {org_})
        .rows.at(0)
        .integer(0);
  }
  void reveal_at(const std::string& day, std::int64_t at) {
    db_->query(store::Sql("INSERT INTO site_access_reveals (org_id, site_id, user_id, day, "
                          "first_at) VALUES ($1, $2, $3, $4, $5)"),
               {org_, site_, tech_, day, at});
  }
  void attachment_row(const std::string& key) {
    db_->query(store::Sql("INSERT INTO attachments (org_id, owner_kind, owner_id, uploaded_by, "
                          "mime, size_bytes, sha256, blob_key, created_at) VALUES ($1, "
                          "'work_order', 1, $2, 'image/png', 3, 'x', $3, 0)"),
               {org_, tech_, key});
  }
  // A work request's photo (issue 14 item 6): its bytes are in the same
  // store and must not look like an orphan while the request waits.
  void request_photo_row(const std::string& key) {
    const auto request = db_->query(store::Sql("INSERT INTO work_requests (org_id, row_key, "
                                               "requester_name, description, created_at, "
                                               "updated_at) VALUES ($1, 'k', 'n', 'd', 0, 0) "
                                               "RETURNING id"),
                                    {org_})
                             .rows.at(0)
                             .integer(0);
    db_->query(store::Sql("INSERT INTO request_photos (org_id, request_id, row_key, mime, "
                          "size_bytes, sha256, blob_key, created_at) VALUES ($1, $2, 'k', "
                          "'image/png', 3, 'x', $3, 0)"),
               {org_, request, key});
  }
};

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_P(RetentionSweep, RevealsOlderThanTwoDaysAreDeleted) {
  reveal_at("2027-01-11", kNow - 3 * kDay);
  reveal_at("2027-01-13", kNow - kDay);
  config::Config config;
  config.data_dir = (std::filesystem::temp_directory_path() / "bulwark-no-such-dir").string();
  EXPECT_GE(app::sweep_retention(*db_, config, kNow).access_reveals, 1);
  EXPECT_EQ(reveals(), 1);
}

TEST_P(RetentionSweep, OnSqliteFilesWithoutARowAreRemovedAfterAnHour) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("bulwark-orphans-" + std::to_string(::getpid()) + "-" + GetParam());
  std::filesystem::remove_all(dir);
  const store::BlobStore blobs(dir.string());
  const auto kept = store::BlobStore::new_key(), orphan = store::BlobStore::new_key();
  const auto photo = store::BlobStore::new_key();
  in_org([&](store::OrgTx& tx) {
    blobs.put(tx, kept, "png");
    blobs.put(tx, orphan, "png");
    blobs.put(tx, photo, "png");
  });
  attachment_row(kept);
  request_photo_row(photo);
  const auto now = wall_ms();
  // Young files are left alone: an upload may be about to commit.
  EXPECT_EQ(store::remove_orphan_blobs(*db_, dir.string(), now), 0);
  const auto later = now + store::kOrphanBlobAgeMs + 1000;
  const auto removed = store::remove_orphan_blobs(*db_, dir.string(), later);
  const auto exists = [&](const std::string& key) {
    return in_org([&](store::OrgTx& tx) { return blobs.get(tx, key).has_value(); });
  };
  EXPECT_TRUE(exists(kept));
  EXPECT_TRUE(exists(photo));
  if (GetParam() == std::string("sqlite")) {
    EXPECT_EQ(removed, 1);
    EXPECT_FALSE(exists(orphan));
  } else {
    EXPECT_EQ(removed, 0);  // the bytes live in the row's own transaction
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Engines, RetentionSweep, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark::testing
