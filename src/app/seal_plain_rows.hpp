#pragma once
// The upgrade to sealed personal data (issue 13 item 1): after the SQL
// migrations, every table's pass seals the rows still in plain text, then the
// storage is rewritten so that the old bytes are gone from the database files
// (store/reclaim.hpp). Idempotent and safe with several instances starting at
// once (each pass updates a row only while it is still plain). Runs at every
// start and in `bulwark migrate`; it costs one indexed query per table when
// there is nothing left to seal.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::app {

struct SealReport {
  std::int64_t rows = 0;  // sealed by this call
};
// `progress(table, rows)` after each table that had rows to seal.
// `data_dir` holds SQLite's attachment files.
SealReport seal_plain_rows(store::Database& db, const std::string& data_dir,
                           const std::function<void(std::string_view, std::int64_t)>& progress);

}  // namespace bulwark::app
