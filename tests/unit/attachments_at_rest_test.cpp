// Attachments at rest (issue 13 item 1), on both engines: blobs sealed with
// the organization's data key as one AES-256-GCM envelope cut into 1 MiB
// chunks, bound to the row's key and to "blob" / "thumbnail"; a moved,
// truncated or reordered blob does not open. And the upgrade pass
// (privacy/seal_plain_attachments.cpp) that seals rows from before 0021.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "area_org_fixture.hpp"
#include "domain/attachments/repo.hpp"
#include "privacy/seal_plain_attachments.hpp"
#include "store/blob_store.hpp"

namespace bulwark::testing {
namespace {

namespace fs = std::filesystem;

class AttachmentsAtRestTest : public OrgFixture {
 protected:
  AttachmentsAtRestTest() {
    static int n = 0;
    dir_ = (fs::temp_directory_path() /
            ("bulwark-sealed-" + std::to_string(::getpid()) + "-" + std::to_string(++n)))
               .string();
  }
  ~AttachmentsAtRestTest() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  // Random bytes over two chunk boundaries with `marker` in the middle.
  static std::string file_with(const std::string& marker) {
    std::string bytes = crypto::random_bytes(2 * store::kBlobChunkBytes + 4000);
    bytes.insert(store::kBlobChunkBytes + 10, marker);
    return bytes;
  }
  // Every byte of the data directory's files (SQLite) or chunks (PostgreSQL).
  std::string stored_bytes() {
    std::string out;
    if (fs::is_directory(dir_))
      for (const auto& f : fs::recursive_directory_iterator(dir_)) {
        if (!f.is_regular_file()) continue;
        std::ifstream in(f.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        out += s.str();
      }
    if (db_->engine() == store::Engine::postgres)
      db_->with_connection([&](store::Connection& c) {
        const std::array<store::Value, 1> org{org_};
        auto all = c.query_bytes(
            store::Sql("SELECT string_agg(data, ''::bytea ORDER BY blob_key, seq) FROM "
                       "attachment_chunks WHERE org_id = $1"),
            org);
        if (all) out += *all;
      });
    return out;
  }
  std::string dir_;
};

TEST_P(AttachmentsAtRestTest, ASealedBlobOpensOnlyWithItsRowKeyColumnAndWholeChunks) {
  const store::BlobStore blobs(dir_);
  const std::string marker = "MARK-" + crypto::random_token(12);
  const std::string file = file_with(marker);
  const auto row_key = in_org([&](store::OrgTx& tx) { return tx.new_row_key(); });
  const auto key = store::BlobStore::new_key();
  in_org([&](store::OrgTx& tx) {
    blobs.put_sealed(tx, key, {"attachments", "blob", row_key}, file);
  });

  EXPECT_EQ(stored_bytes().find(marker), std::string::npos) << "plain bytes at rest";
  in_org([&](store::OrgTx& tx) {
    EXPECT_EQ(blobs.get_opened(tx, key, {"attachments", "blob", row_key}), file);
    // Another row's key, or the thumbnail's column: refused, not garbage.
    EXPECT_THROW(blobs.get_opened(tx, key, {"attachments", "blob", tx.new_row_key()}),
                 store::FieldSealError);
    EXPECT_THROW(blobs.get_opened(tx, key, {"attachments", "thumbnail", row_key}),
                 store::FieldSealError);
    // Truncated to its first chunk, or its first two chunks swapped.
    const std::string sealed = *blobs.get(tx, key);
    const auto cut = store::BlobStore::new_key(), swapped = store::BlobStore::new_key();
    blobs.put(tx, cut, sealed.substr(0, store::kBlobChunkBytes));
    const std::size_t c = store::kBlobChunkBytes;
    blobs.put(tx, swapped, sealed.substr(c, c) + sealed.substr(0, c) + sealed.substr(2 * c));
    EXPECT_THROW(blobs.get_opened(tx, cut, {"attachments", "blob", row_key}),
                 store::FieldSealError);
    EXPECT_THROW(blobs.get_opened(tx, swapped, {"attachments", "blob", row_key}),
                 store::FieldSealError);
  });
  // Another organization does not see it, and its key would not open it.
  EXPECT_FALSE(in_org(other_org(), [&](store::OrgTx& tx) { return blobs.get(tx, key); }));
  if (db_->engine() == store::Engine::postgres) {
    // The last chunk row deleted from the table: the tag no longer matches.
    db_->query(store::Sql("DELETE FROM attachment_chunks WHERE org_id = $1 AND blob_key = $2 AND "
                          "seq = 2"),
               {org_, key});
    in_org([&](store::OrgTx& tx) {
      EXPECT_THROW(blobs.get_opened(tx, key, {"attachments", "blob", row_key}),
                   store::FieldSealError);
    });
  }
}

TEST_P(AttachmentsAtRestTest, TheUpgradePassSealsPlainRowsOnceAndRemovesThePlainBlobs) {
  const store::BlobStore blobs(dir_);
  const std::string marker = "MARK-" + crypto::random_token(12);
  const std::string name = "smith-gate-" + crypto::random_token(8) + ".jpg";
  const std::string caption = "Gate code " + crypto::random_token(8);
  const std::string file = file_with(marker), small_thumb = "thumb " + marker;
  // Two rows as written before migration 0021: row_key NULL, plain text and bytes.
  std::vector<std::string> old_keys;
  for (int i = 0; i < 2; ++i) {
    const auto key = store::BlobStore::new_key();
    old_keys.push_back(key);
    in_org([&](store::OrgTx& tx) {
      blobs.put(tx, key, file);
      if (i == 0) blobs.put(tx, key + "-thumb", small_thumb);
      tx.run(store::OrgSql("INSERT INTO attachments (org_id, owner_kind, owner_id, uploaded_by, "
                           "original_name, mime, size_bytes, sha256, caption, blob_key, "
                           "thumbnail_bytes, created_at) VALUES ($1, 'asset', 1, $2, $3, "
                           "'application/pdf', 1, 'x', $4, $5, $6, 0)"),
             owner_, name, caption, key,
             i == 0 ? std::optional<std::int64_t>(small_thumb.size()) : std::nullopt);
    });
  }
  ASSERT_NE(stored_bytes().find(marker), std::string::npos);

  // At least ours: on PostgreSQL the pass also seals rows other suites left
  // plain in the shared database.
  EXPECT_GE(privacy::seal_plain_rows_attachments(*db_, dir_), 2);
  EXPECT_EQ(privacy::seal_plain_rows_attachments(*db_, dir_), 0) << "idempotent";

  EXPECT_EQ(stored_bytes().find(marker), std::string::npos) << "a plain blob is left";
  const auto raw = db_->query(store::Sql("SELECT original_name, caption, row_key, blob_key, "
                                         "blob_format FROM attachments WHERE org_id = $1 "
                                         "ORDER BY id"),
                              {org_});
  ASSERT_EQ(raw.rows.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& r = raw.rows[i];
    EXPECT_EQ(r.text(0).find("smith-gate"), std::string::npos);
    EXPECT_EQ(r.text(1).find("Gate code"), std::string::npos);
    EXPECT_FALSE(r.text(2).empty());
    EXPECT_NE(r.text(3), old_keys[i]) << "sealed under a new blob key";
    EXPECT_EQ(r.integer(4), 1);
  }
  in_org([&](store::OrgTx& tx) {
    const auto rows = domain::attachments::repo::of_owner(tx, {"asset", 1});
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) {
      EXPECT_EQ(r.original_name.value, name);
      EXPECT_EQ(r.caption.value, caption);
      EXPECT_EQ(blobs.get_opened(tx, r.blob_key, {"attachments", "blob", r.row_key}), file);
    }
    EXPECT_EQ(blobs.get_opened(tx, rows[0].blob_key + "-thumb",
                               {"attachments", "thumbnail", rows[0].row_key}),
              small_thumb);
    for (const auto& k : old_keys) EXPECT_FALSE(blobs.get(tx, k)) << "the plain blob stays";
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, AttachmentsAtRestTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark::testing
