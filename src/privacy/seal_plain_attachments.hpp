#pragma once
// Upgrading attachments to sealed storage (issue 13 item 1): rows written
// before migration 0021 have a NULL row_key, a plain file name and caption,
// and plain bytes (blob_format 0). This pass, run after the SQL migrations
// (start-up / `bulwark migrate`), rewrites them batch by batch:
//   1. a new row key and a new blob key; the file and its thumbnail are
//      written sealed under the new blob key (a new file on SQLite, new
//      chunks on PostgreSQL), before anything points at them;
//   2. one UPDATE, guarded by "row_key IS NULL AND blob_key = old", points
//      the row at the sealed blob and seals the name and caption;
//   3. the plain blob is removed: on PostgreSQL by a DELETE in the same
//      transaction; on SQLite, whose file removal cannot roll back, only
//      after the commit.
// A crash leaves either the old row with a stray sealed file, or the new row
// with a stray plain file: store/blob_orphans.cpp removes either (no row
// names it). Running it again, or on two instances at once, seals each row
// once (the guard). SQLite pages and PostgreSQL tuples that held the plain
// names are reclaimed by the caller's secure_delete / VACUUM step; a
// filesystem may keep the removed plain files' blocks (see the README).
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace bulwark::privacy {

// Rows sealed by this call. `data_dir` is the server's data directory (where
// SQLite keeps the attachment files; unused on PostgreSQL).
std::int64_t seal_plain_rows_attachments(store::Database& db, const std::string& data_dir);

}  // namespace bulwark::privacy
