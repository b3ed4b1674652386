#pragma once
// Removing a customer's attachment files (and thumbnails) from the blob
// store: shared by the erasure (service.cpp) and the retention purge
// (domain/retention/customer_purge.cpp). Call it last in the transaction: on
// SQLite the files are gone at once.
#include <cstdint>
#include <vector>

#include "domain/privacy/repo.hpp"
#include "store/blob_store.hpp"

namespace bulwark::domain::privacy {

// Returns how many blobs were removed (a thumbnail counts as one).
inline std::int64_t remove_attachment_files(store::OrgTx& tx, const store::BlobStore& blobs,
                                            const std::vector<repo::AttachmentKey>& keys) {
  std::int64_t removed = 0;
  for (const auto& k : keys) {
    blobs.remove(tx, k.blob_key);
    ++removed;
    if (k.has_thumbnail) {
      blobs.remove(tx, k.blob_key + "-thumb");
      ++removed;
    }
  }
  return removed;
}

}  // namespace bulwark::domain::privacy
