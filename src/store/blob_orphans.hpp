#pragma once
// Attachment files with no row, on SQLite: the file is written before the
// transaction that records it commits (blob_store.hpp), so a crash or a
// failed commit between the two leaves a file nobody can reach. The
// retention sweep removes such files (and abandoned temporary files) once
// they are older than an hour, long after any upload still in flight would
// have committed. PostgreSQL keeps the bytes in the same transaction as the
// row, so it has nothing to sweep.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace bulwark::store {

inline constexpr std::int64_t kOrphanBlobAgeMs = 3'600'000;

// Returns how many files were removed.
std::int64_t remove_orphan_blobs(Database& db, const std::string& data_dir, std::int64_t now_ms);

}  // namespace bulwark::store
