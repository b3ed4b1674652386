#include "domain/attachments/service.hpp"

#include "crypto/random.hpp"
#include "domain/assets/service.hpp"
#include "domain/attachments/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::attachments {

namespace {

ApiError no_such_attachment() { return ApiError(ErrorCode::not_found, "no such attachment"); }

std::string thumb_key(const std::string& key) { return key + "-thumb"; }

// The file or its thumbnail, opened when sealed; nullopt when missing.
// Throws FieldSealError when it is there but does not open (a blob moved
// from another row or tenant, or tampered with): the request becomes a 500
// JSON error, and no byte of it is sent.
std::optional<std::string> read_blob(store::OrgTx& tx, const store::BlobStore& blobs,
                                     const AttachmentRow& r, bool thumbnail) {
  const std::string key = thumbnail ? thumb_key(r.blob_key) : r.blob_key;
  if (r.blob_format == kBlobPlain) return blobs.get(tx, key);
  return blobs.get_opened(tx, key, {"attachments", thumbnail ? "thumbnail" : "blob", r.row_key});
}

AttachmentView view(const AttachmentRow& r) {
  AttachmentView v;
  v.id = r.id;
  v.owner_kind = r.owner_kind;
  v.owner_id = r.owner_id;
  v.uploaded_by = r.uploaded_by;
  v.original_name = r.original_name.value;
  v.mime = r.mime;
  v.size_bytes = r.size_bytes;
  v.sha256 = r.sha256;
  v.caption = r.caption.value;
  v.created_at = resource::Time{r.created_at};
  v.url = "/api/v1/attachments/" + std::to_string(r.id) + "/content";
  if (r.thumbnail_bytes)
    v.thumbnail_url = "/api/v1/attachments/" + std::to_string(r.id) + "/thumbnail";
  return v;
}

}  // namespace

Outcome<void> check_owner(store::OrgTx& tx, const Caller& by, const Owner& owner) {
  if (owner.kind == "work_order") {
    auto wo = work_orders::get(tx, by, owner.id);
    if (!wo) return unexpected(std::move(wo.error()));
    return {};
  }
  auto asset = assets::get(tx, owner.id);
  if (!asset) return unexpected(std::move(asset.error()));
  return {};
}

Outcome<AttachmentView> add(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                            const Owner& owner, const Checked& file, std::int64_t now) {
  if (auto ok = check_owner(tx, by, owner); !ok) return unexpected(std::move(ok.error()));
  const repo::NewBlob blob{store::BlobStore::new_key(), tx.new_row_key()};
  const std::string sha = crypto::sha256_hex(file.data);
  const auto id = repo::insert(tx, owner, by.user_id, file,
                               static_cast<std::int64_t>(file.data.size()), sha, blob, now);
  blobs.put_sealed(tx, blob.blob_key, {"attachments", "blob", blob.row_key}, file.data);
  if (file.thumbnail)
    blobs.put_sealed(tx, thumb_key(blob.blob_key), {"attachments", "thumbnail", blob.row_key},
                     *file.thumbnail);
  by.actor.record(tx.connection(), "attachment.added", owner.kind, owner.id,
                  {"attachment", "mime"});
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_attachment());
  return view(*row);
}

void record_malware(store::OrgTx& tx, const Caller& by, const Owner& owner) {
  auto entry = by.actor.entry("attachment.malware_detected", owner.kind, std::to_string(owner.id));
  entry.outcome = "denied";
  audit::append(tx.connection(), entry);
}

Outcome<resource::Items<AttachmentView>> list(store::OrgTx& tx, const Caller& by,
                                              const Owner& owner) {
  if (auto ok = check_owner(tx, by, owner); !ok) return unexpected(std::move(ok.error()));
  resource::Items<AttachmentView> out;
  for (const auto& r : repo::of_owner(tx, owner)) out.items.push_back(view(r));
  return out;
}

Outcome<Content> content(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                         std::int64_t id, bool thumbnail) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_attachment());
  if (auto ok = check_owner(tx, by, {row->owner_kind, row->owner_id}); !ok)
    return unexpected(no_such_attachment());
  if (thumbnail && !row->thumbnail_bytes) return unexpected(no_such_attachment());
  auto data = read_blob(tx, blobs, *row, thumbnail);
  if (!data) return unexpected(no_such_attachment());
  Content c;
  c.mime = thumbnail ? "image/jpeg" : row->mime;
  c.data = std::move(*data);
  c.original_name = row->original_name.value;
  // Images are ours (re-encoded); a PDF is the client's bytes: download only.
  c.inline_ok = c.mime.starts_with("image/");
  return c;
}

Outcome<void> remove(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                     std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_attachment());
  if (auto ok = check_owner(tx, by, {row->owner_kind, row->owner_id}); !ok)
    return unexpected(no_such_attachment());
  if (by.technician() && row->uploaded_by != by.user_id)
    return unexpected(ApiError(ErrorCode::forbidden,
                               "only the uploader or the office may remove this file",
                               "not_uploader"));
  // A photo or signature that answers a checklist item is evidence of the
  // work; the item is cleared first (which the completion record shows).
  if (repo::in_checklist(tx, id))
    return unexpected(ApiError(ErrorCode::conflict,
                               "this file answers a checklist item; clear the item first",
                               "attachment_in_checklist"));
  repo::remove(tx, id);
  by.actor.record(tx.connection(), "attachment.removed", row->owner_kind, row->owner_id,
                  {"attachment"});
  // Last: a failure before here leaves the bytes with their row.
  blobs.remove(tx, row->blob_key);
  if (row->thumbnail_bytes) blobs.remove(tx, thumb_key(row->blob_key));
  return {};
}

}  // namespace bulwark::domain::attachments
