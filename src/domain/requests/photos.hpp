#pragma once
// Photos sent with a work request (issue 14 item 6). They pass the same
// checks as any attachment first (attachments::inspect: size, clamd, type
// from the content, re-encoded without metadata), images only, at most
// kMaxPhotos. Their bytes are sealed in the blob store under the photo
// row's key. They live until the office decides: approval makes them
// attachments of the new work order (the technician sees them on the job),
// declining deletes them with their bytes at once.
#include <cstdint>
#include <map>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/attachments/model.hpp"
#include "domain/requests/model.hpp"
#include "domain/work_orders/model.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

// What a phone sends of one problem; more is refused (422 too_many_photos).
inline constexpr std::size_t kMaxPhotos = 5;

void add_photos(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t request_id,
                const std::vector<attachments::Checked>& photos, std::int64_t now);

std::vector<RequestPhotoView> photos_of(store::OrgTx& tx, std::int64_t request_id);
// Every photo in the organization by request: only undecided requests have
// any, so this is what the inbox shows, in one query.
std::map<std::int64_t, std::vector<RequestPhotoView>> undecided_photos(store::OrgTx& tx);

// A photo's bytes (or its thumbnail) for the office; 404 when there is none.
Expected<attachments::Content, ApiError> photo_content(store::OrgTx& tx,
                                                       const store::BlobStore& blobs,
                                                       std::int64_t id, bool thumbnail);

// Approval: each photo becomes an attachment of the work order (uploaded by
// whoever approved), then its request row and bytes are removed.
Expected<void, ApiError> move_photos(store::OrgTx& tx, const store::BlobStore& blobs,
                                     const work_orders::Caller& by, std::int64_t request_id,
                                     std::int64_t work_order_id, std::int64_t now);

// Decline: the photos and their bytes go.
void delete_photos(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t request_id);

}  // namespace bulwark::domain::requests
