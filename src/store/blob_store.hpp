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

 private:
  std::string path_of(const OrgTx& tx, std::string_view key) const;
  std::string data_dir_;
};

}  // namespace bulwark::store
