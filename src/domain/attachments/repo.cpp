#include "domain/attachments/repo.hpp"

namespace bulwark::domain::attachments::repo {

using store::OrgSql;

namespace {

constexpr OrgSql kInsert(
    "INSERT INTO attachments (org_id, owner_kind, owner_id, uploaded_by, original_name, mime, "
    "size_bytes, sha256, caption, blob_key, thumbnail_bytes, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id");
constexpr OrgSql kFind(
    "SELECT id, owner_kind, owner_id, uploaded_by, original_name, mime, size_bytes, sha256, "
    "caption, blob_key, thumbnail_bytes, created_at FROM attachments WHERE org_id = $1 AND id = "
    "$2");
constexpr OrgSql kOfOwner(
    "SELECT id, owner_kind, owner_id, uploaded_by, original_name, mime, size_bytes, sha256, "
    "caption, blob_key, thumbnail_bytes, created_at FROM attachments "
    "WHERE org_id = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY id");
constexpr OrgSql kRemove("DELETE FROM attachments WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInChecklist(
    "SELECT id FROM work_order_checklist WHERE org_id = $1 AND attachment_id = $2 LIMIT 1");

}  // namespace

std::int64_t insert(store::OrgTx& tx, const Owner& owner, std::int64_t uploaded_by,
                    const Checked& file, std::int64_t size, const std::string& sha256,
                    const std::string& blob_key, std::int64_t now) {
  std::optional<std::int64_t> thumb;
  if (file.thumbnail) thumb = static_cast<std::int64_t>(file.thumbnail->size());
  return tx
      .run(kInsert, owner.kind, owner.id, uploaded_by, file.original_name, file.mime, size, sha256,
           file.caption, blob_key, thumb, now)
      .rows.at(0)
      .integer(0);
}

std::optional<AttachmentRow> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<AttachmentRow>(kFind, id);
}

std::vector<AttachmentRow> of_owner(store::OrgTx& tx, const Owner& owner) {
  return tx.all<AttachmentRow>(kOfOwner, owner.kind, owner.id);
}

void remove(store::OrgTx& tx, std::int64_t id) { tx.run(kRemove, id); }

bool in_checklist(store::OrgTx& tx, std::int64_t id) { return !tx.run(kInChecklist, id).empty(); }

}  // namespace bulwark::domain::attachments::repo
