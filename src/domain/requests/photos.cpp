#include "domain/requests/photos.hpp"

#include <boost/describe/class.hpp>

#include "crypto/random.hpp"
#include "domain/attachments/service.hpp"

namespace bulwark::domain::requests {

namespace {

using store::OrgSql;

constexpr std::string_view kTable = "request_photos";

constexpr OrgSql kInsert(
    "INSERT INTO request_photos (org_id, request_id, row_key, mime, size_bytes, sha256, "
    "blob_key, thumbnail_bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
#define PHOTO_SELECT                                                                          \
  "SELECT id, request_id, row_key, mime, size_bytes, sha256, blob_key, thumbnail_bytes FROM " \
  "request_photos "
constexpr OrgSql kOfRequest(PHOTO_SELECT "WHERE org_id = $1 AND request_id = $2 ORDER BY id");
constexpr OrgSql kAll(PHOTO_SELECT "WHERE org_id = $1 ORDER BY request_id, id");
constexpr OrgSql kFind(PHOTO_SELECT "WHERE org_id = $1 AND id = $2");
#undef PHOTO_SELECT
constexpr OrgSql kRemove("DELETE FROM request_photos WHERE org_id = $1 AND id = $2");

struct PhotoRow {
  std::int64_t id = 0, request_id = 0;
  std::string row_key, mime;
  std::int64_t size_bytes = 0;
  std::string sha256, blob_key;
  std::optional<std::int64_t> thumbnail_bytes;
};
BOOST_DESCRIBE_STRUCT(PhotoRow, (),
                      (id, request_id, row_key, mime, size_bytes, sha256, blob_key,
                       thumbnail_bytes))

std::string thumb_key(const std::string& key) { return key + "-thumb"; }

store::BlobSeal seal_of(const PhotoRow& r, bool thumbnail) {
  return {kTable, thumbnail ? "thumbnail" : "blob", r.row_key};
}

RequestPhotoView view(const PhotoRow& r) {
  const std::string base = "/api/v1/request-photos/" + std::to_string(r.id);
  RequestPhotoView v{r.id, r.mime, r.size_bytes, base + "/content", std::nullopt};
  if (r.thumbnail_bytes) v.thumbnail_url = base + "/thumbnail";
  return v;
}

// The rows first, the bytes last: on SQLite a removed file is gone at once,
// so nothing after it may fail and roll the rows back.
void remove_all(store::OrgTx& tx, const store::BlobStore& blobs,
                const std::vector<PhotoRow>& rows) {
  for (const auto& r : rows) tx.run(kRemove, r.id);
  for (const auto& r : rows) {
    blobs.remove(tx, r.blob_key);
    if (r.thumbnail_bytes) blobs.remove(tx, thumb_key(r.blob_key));
  }
}

}  // namespace

void add_photos(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t request_id,
                const std::vector<attachments::Checked>& photos, std::int64_t now) {
  for (const auto& p : photos) {
    const auto key = store::BlobStore::new_key();
    const auto row_key = tx.new_row_key();
    std::optional<std::int64_t> thumb;
    if (p.thumbnail) thumb = static_cast<std::int64_t>(p.thumbnail->size());
    tx.run(kInsert, request_id, row_key, p.mime, static_cast<std::int64_t>(p.data.size()),
           crypto::sha256_hex(p.data), key, thumb, now);
    blobs.put_sealed(tx, key, {kTable, "blob", row_key}, p.data);
    if (p.thumbnail)
      blobs.put_sealed(tx, thumb_key(key), {kTable, "thumbnail", row_key}, *p.thumbnail);
  }
}

std::vector<RequestPhotoView> photos_of(store::OrgTx& tx, std::int64_t request_id) {
  std::vector<RequestPhotoView> out;
  for (const auto& r : tx.all<PhotoRow>(kOfRequest, request_id)) out.push_back(view(r));
  return out;
}

std::map<std::int64_t, std::vector<RequestPhotoView>> undecided_photos(store::OrgTx& tx) {
  std::map<std::int64_t, std::vector<RequestPhotoView>> out;
  for (const auto& r : tx.all<PhotoRow>(kAll)) out[r.request_id].push_back(view(r));
  return out;
}

Expected<attachments::Content, ApiError> photo_content(store::OrgTx& tx,
                                                       const store::BlobStore& blobs,
                                                       std::int64_t id, bool thumbnail) {
  const auto none = [] { return unexpected(ApiError(ErrorCode::not_found, "no such photo")); };
  const auto row = tx.one<PhotoRow>(kFind, id);
  if (!row || (thumbnail && !row->thumbnail_bytes)) return none();
  auto data = blobs.get_opened(tx, thumbnail ? thumb_key(row->blob_key) : row->blob_key,
                               seal_of(*row, thumbnail));
  if (!data) return none();
  // Our own re-encoded image: fit to show inline.
  return attachments::Content{thumbnail ? "image/jpeg" : row->mime, std::move(*data),
                              "request-photo-" + std::to_string(id), true};
}

Expected<void, ApiError> move_photos(store::OrgTx& tx, const store::BlobStore& blobs,
                                     const work_orders::Caller& by, std::int64_t request_id,
                                     std::int64_t work_order_id, std::int64_t now) {
  const auto rows = tx.all<PhotoRow>(kOfRequest, request_id);
  int n = 0;
  for (const auto& r : rows) {
    attachments::Checked file;
    file.original_name = "request-photo-" + std::to_string(++n);
    file.mime = r.mime;
    auto data = blobs.get_opened(tx, r.blob_key, seal_of(r, false));
    if (!data) continue;  // bytes lost: nothing to carry over
    file.data = std::move(*data);
    if (r.thumbnail_bytes)
      file.thumbnail = blobs.get_opened(tx, thumb_key(r.blob_key), seal_of(r, true));
    file.caption = "From the work request";
    auto added = attachments::add(tx, blobs, by, {"work_order", work_order_id}, file, now);
    if (!added) return unexpected(std::move(added.error()));
  }
  remove_all(tx, blobs, rows);
  return {};
}

void delete_photos(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t request_id) {
  remove_all(tx, blobs, tx.all<PhotoRow>(kOfRequest, request_id));
}

}  // namespace bulwark::domain::requests
