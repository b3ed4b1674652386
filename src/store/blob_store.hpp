#pragma once
// Where the bytes of attachments live, outside the web root and behind the
// engine-neutral store: on PostgreSQL in the database (attachment_chunks, 1
// MiB binary chunks written and read one at a time, so every instance sees
// them), on SQLite as one file per blob under <data dir>/attachments/<org>/,
// named by its random key and written atomically (temporary file, fsync,
// rename).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "store/org_tx.hpp"

namespace bulwark::store {

inline constexpr std::size_t kBlobChunkBytes = 1024 * 1024;

// Where a sealed blob belongs (issue 13 item 1): the associated data of its
// one AES-256-GCM envelope, e.g. {"attachments", "blob", row's row_key}.
struct BlobSeal {
  std::string_view table;
  std::string_view column;   // "blob" | "thumbnail"
  std::string_view row_key;  // the owning row's random key (base64)
};

class BlobStore {
 public:
  explicit BlobStore(std::string data_dir) : data_dir_(std::move(data_dir)) {}

  // A new random key (hex): a blob's name never comes from the client.
  static std::string new_key();
  // Keys are written once: inside the caller's transaction on PostgreSQL; on
  // SQLite the file is in place before the transaction commits.
  void put(OrgTx& tx, std::string_view key, std::string_view bytes) const;
  std::optional<std::string> get(OrgTx& tx, std::string_view key) const;
  void remove(OrgTx& tx, std::string_view key) const;
  // Whether remove() is part of `tx` (PostgreSQL: a DELETE that commits or
  // rolls back with it) or immediate (SQLite: a file, gone at once, so a
  // caller that may still roll back removes only after the commit).
  static bool removes_in_transaction(OrgTx& tx);
  // The same, sealed with the organization's data key. The whole blob is one
  // envelope, cut into chunks only afterwards: its single GCM tag covers
  // every chunk in order, so a missing, truncated, reordered or foreign chunk
  // fails as surely as a flipped bit, and nothing is returned before the
  // tag checks (the bytes are in memory whole anyway: inspect() needs them).
  // get_opened throws FieldSealError when the blob is there but does not
  // open (moved from another row or tenant, tampered, key lost).
  void put_sealed(OrgTx& tx, std::string_view key, const BlobSeal& seal,
                  std::string_view plain) const;
  std::optional<std::string> get_opened(OrgTx& tx, std::string_view key,
                                        const BlobSeal& seal) const;

 private:
  std::string path_of(const OrgTx& tx, std::string_view key) const;
  std::string data_dir_;
};

}  // namespace bulwark::store
