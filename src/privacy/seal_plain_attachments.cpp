#include "privacy/seal_plain_attachments.hpp"

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/blob_store.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::privacy {

namespace {

using store::OrgSql;

constexpr std::int64_t kBatch = 50;
constexpr std::int64_t kSealed = 1;  // attachments.blob_format (domain/attachments/model.hpp)

constexpr store::CrossTenantSql kOrgsWithPlain(
    "SELECT DISTINCT org_id FROM attachments WHERE row_key IS NULL ORDER BY org_id");
constexpr OrgSql kPlainBatch(
    "SELECT id, blob_key, thumbnail_bytes, original_name, caption FROM attachments "
    "WHERE org_id = $1 AND row_key IS NULL ORDER BY id LIMIT $2");
constexpr OrgSql kPointAtSealed(
    "UPDATE attachments SET row_key = $3, original_name = $4, caption = $5, blob_key = $6, "
    "blob_format = $7 WHERE org_id = $1 AND id = $2 AND row_key IS NULL AND blob_key = $8");

struct OrgRow {
  std::int64_t org_id = 0;
};
BOOST_DESCRIBE_STRUCT(OrgRow, (), (org_id))

struct PlainRow {
  std::int64_t id = 0;
  std::string blob_key;
  std::optional<std::int64_t> thumbnail_bytes;
  std::string original_name, caption;
};
BOOST_DESCRIBE_STRUCT(PlainRow, (), (id, blob_key, thumbnail_bytes, original_name, caption))

std::string thumb(const std::string& key) { return key + "-thumb"; }

// Seals one row. Returns the keys nothing names any more: the plain blob
// and thumbnail when the row was sealed, the new sealed ones when another
// pass sealed the row first (the guard matched nothing).
std::vector<std::string> seal_row(store::OrgTx& tx, const store::BlobStore& blobs,
                                  const PlainRow& r, bool& sealed) {
  const std::string row_key = tx.new_row_key();
  const auto plain = blobs.get(tx, r.blob_key);
  std::optional<std::string> plain_thumb;
  if (plain && r.thumbnail_bytes) plain_thumb = blobs.get(tx, thumb(r.blob_key));
  // A row whose file is already missing keeps its dangling key (a 404 as before).
  const std::string new_key = plain ? store::BlobStore::new_key() : r.blob_key;
  if (plain) blobs.put_sealed(tx, new_key, {"attachments", "blob", row_key}, *plain);
  if (plain_thumb)
    blobs.put_sealed(tx, thumb(new_key), {"attachments", "thumbnail", row_key}, *plain_thumb);
  sealed =
      tx.run(kPointAtSealed, r.id, row_key,
             tx.seal("attachments", "original_name", row_key, r.original_name),
             tx.seal("attachments", "caption", row_key, r.caption), new_key, kSealed, r.blob_key)
          .affected > 0;
  if (!plain) return {};
  if (sealed) return {r.blob_key, thumb(r.blob_key)};  // removing a missing one is a no-op
  std::vector<std::string> out{new_key};
  if (plain_thumb) out.push_back(thumb(new_key));
  return out;
}

}  // namespace

std::int64_t seal_plain_rows_attachments(store::Database& db, const std::string& data_dir) {
  const store::BlobStore blobs(data_dir);
  std::int64_t total = 0;
  for (const auto& [org] : store::decode_all<OrgRow>(db.query(kOrgsWithPlain, {}))) {
    for (;;) {
      std::vector<std::string> stray;
      std::int64_t sealed_now = 0;
      const auto batch = store::in_org(db, org, [&](store::OrgTx& tx) {
        const auto rows = tx.all<PlainRow>(kPlainBatch, kBatch);
        for (const auto& r : rows) {
          bool sealed = false;
          for (auto& key : seal_row(tx, blobs, r, sealed)) {
            // PostgreSQL: the DELETE commits or rolls back with the UPDATE.
            if (blobs.removes_in_transaction(tx))
              blobs.remove(tx, key);
            else
              stray.push_back(std::move(key));
          }
          sealed_now += sealed ? 1 : 0;
        }
        return static_cast<std::int64_t>(rows.size());
      });
      // SQLite: the files go only now that the rows no longer name them.
      if (!stray.empty())
        store::read_org(db, org, [&](store::OrgTx& tx) {
          for (const auto& key : stray) blobs.remove(tx, key);
        });
      total += sealed_now;
      if (batch < kBatch) break;
    }
  }
  return total;
}

}  // namespace bulwark::privacy
