#pragma once
// Re-sealing one organization's personal data under its newest data key
// (issue 13 item 3, `bulwark admin keys rotate-data`), online: rows are read
// in pages and rewritten only while unchanged (privacy/personal_tables.hpp),
// so editors working at the same time get no spurious 409 and lose no edit.
// A pass rewrites what is not yet under `target`; the caller repeats passes
// until one finds nothing (rows sealed meanwhile by an instance that had not
// yet read the new key, or edited during the pass). Crash-safe and resumable:
// every row is either under the old key or the new one, both readable.
#include <cstdint>
#include <functional>

#include "store/database.hpp"

namespace bulwark::privacy {

struct RotationPass {
  std::int64_t scanned = 0;    // rows read
  std::int64_t rewritten = 0;  // rows now under the target key
  std::int64_t raced = 0;      // rows changed by someone else meanwhile (next pass)
};

// Rows with sealed personal data of `org`, over every personal table.
std::int64_t count_sealed_rows(store::Database& db, std::int64_t org);

// `progress(scanned so far)` after every page.
RotationPass reseal_pass(store::Database& db, std::int64_t org, std::uint32_t target,
                         const std::function<void(std::int64_t)>& progress);

}  // namespace bulwark::privacy
