#include "domain/attachments/repo.hpp"

namespace bulwark::domain::attachments::repo {

using store::OrgSql;

namespace {

constexpr OrgSql kInsert(
    "INSERT INTO attachments (org_id, owner_kind, owner_id, uploaded_by, original_name, mime, "
    "size_bytes, sha256, caption, blob_key, thumbnail_bytes, created_at, row_key, blob_format) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id");
#define ATTACHMENT_COLUMNS                                                                     \
  "SELECT id, owner_kind, owner_id, uploaded_by, COALESCE(row_key, '') AS row_key, "           \
  "original_name, mime, size_bytes, sha256, caption, blob_key, thumbnail_bytes, blob_format, " \
  "created_at FROM attachments "
constexpr OrgSql kFind(ATTACHMENT_COLUMNS "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kOfOwner(ATTACHMENT_COLUMNS
                          "WHERE org_id = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY id");
#undef ATTACHMENT_COLUMNS
constexpr OrgSql kRemove("DELETE FROM attachments WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInChecklist(
    "SELECT id FROM work_order_checklist WHERE org_id = $1 AND attachment_id = $2 LIMIT 1");

// A row from before migration 0021 (row_key '') is still plain text.
void open_row(store::OrgTx& tx, AttachmentRow& row) {
  if (!row.row_key.empty()) store::open_personal(tx, "attachments", row);
}

}  // namespace

std::int64_t insert(store::OrgTx& tx, const Owner& owner, std::int64_t uploaded_by,
                    const Checked& file, std::int64_t size, const std::string& sha256,
                    const NewBlob& blob, std::int64_t now) {
  std::optional<std::int64_t> thumb;
  if (file.thumbnail) thumb = static_cast<std::int64_t>(file.thumbnail->size());
  const std::string& rk = blob.row_key;
  return tx
      .run(kInsert, owner.kind, owner.id, uploaded_by,
           tx.seal("attachments", "original_name", rk, file.original_name), file.mime, size, sha256,
           tx.seal("attachments", "caption", rk, file.caption), blob.blob_key, thumb, now, rk,
           kBlobSealed)
      .rows.at(0)
      .integer(0);
}

std::optional<AttachmentRow> find(store::OrgTx& tx, std::int64_t id) {
  auto row = tx.one<AttachmentRow>(kFind, id);
  if (row) open_row(tx, *row);
  return row;
}

std::vector<AttachmentRow> of_owner(store::OrgTx& tx, const Owner& owner) {
  auto rows = tx.all<AttachmentRow>(kOfOwner, owner.kind, owner.id);
  for (auto& row : rows) open_row(tx, row);
  return rows;
}

void remove(store::OrgTx& tx, std::int64_t id) { tx.run(kRemove, id); }

bool in_checklist(store::OrgTx& tx, std::int64_t id) { return !tx.run(kInChecklist, id).empty(); }

}  // namespace bulwark::domain::attachments::repo
