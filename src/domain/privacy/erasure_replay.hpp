#pragma once
// After a backup is restored, the erasure ledger (privacy/erasure_ledger.hpp)
// is replayed: every customer erased since that backup was made is erased
// again, the same way erase_customer did it (domain/privacy/repo.hpp's steps),
// so restoring an older backup never brings an erased customer back
// (issue 13 items 4 and 6). Ids only: the ledger holds no personal data.
#include <cstdint>
#include <vector>

#include "privacy/erasure_ledger.hpp"
#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace bulwark::domain::privacy {

struct ReplayCounts {
  std::int64_t entries = 0;      // lines in the ledger
  std::int64_t re_erased = 0;    // customers the restored database still held
  std::int64_t already = 0;      // erased in the restored database too
  std::int64_t not_present = 0;  // created after the backup (nothing to do)
};

// Each customer in its own organization-scoped transaction, audited
// ("customer.erasure_replayed", actor "system"). Idempotent.
ReplayCounts replay_erasures(store::Database& db, const store::BlobStore& blobs,
                             const std::vector<::bulwark::privacy::LedgerEntry>& ledger,
                             std::int64_t now);

}  // namespace bulwark::domain::privacy
