#include "privacy/rotate_files.hpp"

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::privacy {

namespace {

using store::OrgSql;

constexpr std::int64_t kPage = 50;  // files are read whole: small pages

// The tables whose rows name one sealed file (and maybe its thumbnail):
// attachments, and the photos of work requests (issue 14 item 6) waiting in
// the inbox. Each is its own literal SQL (MUST-002), chosen by table.
struct FileTable {
  const char* table;
  OrgSql count, page, repoint;
};
constexpr FileTable kFileTables[] = {
    {"attachments",
     "SELECT COUNT(*) FROM attachments WHERE org_id = $1 AND blob_format = 1 "
     "AND row_key IS NOT NULL",
     "SELECT id, row_key, blob_key, thumbnail_bytes FROM attachments WHERE org_id = $1 "
     "AND id > $2 AND blob_format = 1 AND row_key IS NOT NULL ORDER BY id LIMIT $3",
     "UPDATE attachments SET blob_key = $3 WHERE org_id = $1 AND id = $2 AND blob_key = $4"},
    {"request_photos", "SELECT COUNT(*) FROM request_photos WHERE org_id = $1",
     "SELECT id, row_key, blob_key, thumbnail_bytes FROM request_photos WHERE org_id = $1 "
     "AND id > $2 ORDER BY id LIMIT $3",
     "UPDATE request_photos SET blob_key = $3 WHERE org_id = $1 AND id = $2 AND blob_key = $4"},
};

struct FileRow {
  std::int64_t id = 0;
  std::string row_key, blob_key;
  std::optional<std::int64_t> thumbnail_bytes;
};
BOOST_DESCRIBE_STRUCT(FileRow, (), (id, row_key, blob_key, thumbnail_bytes))

std::string thumb(const std::string& key) { return key + "-thumb"; }

// Whether the stored envelope is already under `target` (or is not there).
bool current(store::OrgTx& tx, const store::BlobStore& blobs, const std::string& key,
             std::uint32_t target) {
  const auto sealed = blobs.get(tx, key);
  if (!sealed) return true;
  const auto envelope = crypto::parse_envelope(*sealed);
  return envelope && envelope->key_id == target;
}

// Re-seals one row's file (and thumbnail). Returns the blob keys nothing
// names any more: the old ones when the row now points at the new copy, the
// new copy when the row changed meanwhile.
std::vector<std::string> reseal_file(store::OrgTx& tx, const store::BlobStore& blobs,
                                     const FileTable& t, const FileRow& r, RotationPass& pass) {
  const store::BlobSeal blob{t.table, "blob", r.row_key};
  const store::BlobSeal small{t.table, "thumbnail", r.row_key};
  const auto plain = blobs.get_opened(tx, r.blob_key, blob);
  if (!plain) return {};
  std::optional<std::string> plain_thumb;
  if (r.thumbnail_bytes) plain_thumb = blobs.get_opened(tx, thumb(r.blob_key), small);
  const auto new_key = store::BlobStore::new_key();
  blobs.put_sealed(tx, new_key, blob, *plain);
  if (plain_thumb) blobs.put_sealed(tx, thumb(new_key), small, *plain_thumb);
  if (tx.run(t.repoint, r.id, new_key, r.blob_key).affected == 1) {
    ++pass.rewritten;
    return {r.blob_key, thumb(r.blob_key)};  // removing a missing thumbnail is a no-op
  }
  ++pass.raced;
  return {new_key, thumb(new_key)};
}

}  // namespace

std::int64_t count_sealed_files(store::Database& db, std::int64_t org) {
  return store::read_org(db, org, [](store::OrgTx& tx) {
    std::int64_t n = 0;
    for (const auto& t : kFileTables) n += tx.run(t.count).rows.at(0).integer(0);
    return n;
  });
}

namespace {

void reseal_table(store::Database& db, const store::BlobStore& blobs, const FileTable& t,
                  std::int64_t org, std::uint32_t target, RotationPass& pass,
                  const std::function<void(std::int64_t)>& progress) {
  for (std::int64_t after = 0;;) {
    std::vector<std::string> stray;
    const auto read = store::in_org(db, org, [&](store::OrgTx& tx) {
      const auto rows = tx.all<FileRow>(t.page, after, kPage);
      for (const auto& r : rows) {
        after = r.id;
        ++pass.scanned;
        if (current(tx, blobs, r.blob_key, target)) continue;
        for (auto& key : reseal_file(tx, blobs, t, r, pass)) {
          // PostgreSQL: the DELETE commits or rolls back with the UPDATE.
          if (blobs.removes_in_transaction(tx))
            blobs.remove(tx, key);
          else
            stray.push_back(std::move(key));
        }
      }
      return static_cast<std::int64_t>(rows.size());
    });
    // SQLite: the files go only now that the rows no longer name them.
    if (!stray.empty())
      store::read_org(db, org, [&](store::OrgTx& tx) {
        for (const auto& key : stray) blobs.remove(tx, key);
      });
    if (progress) progress(pass.scanned);
    if (read < kPage) return;
  }
}

}  // namespace

RotationPass reseal_files_pass(store::Database& db, const std::string& data_dir, std::int64_t org,
                               std::uint32_t target,
                               const std::function<void(std::int64_t)>& progress) {
  const store::BlobStore blobs(data_dir);
  RotationPass pass;
  for (const auto& t : kFileTables) reseal_table(db, blobs, t, org, target, pass, progress);
  return pass;
}

}  // namespace bulwark::privacy
