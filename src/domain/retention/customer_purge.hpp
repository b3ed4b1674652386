#pragma once
// Retention of soft-deleted customers (issue 13 item 5.1): a customer
// soft-deleted for longer than the organization's customer retention is
// purged. Its personal data is removed the way an erasure removes it
// (domain/privacy/repo.hpp erase_rows: work-order free text, checklist
// values, completion records, attachments), then its sites, SMS messages,
// do-not-sell history and, when no other customer has the number, its SMS
// consent row are deleted; the row stays as an anonymous stub named
// "Deleted customer" so the work orders and invoices that name it stay valid.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace bulwark::domain::retention {

// What the stub shows wherever the customer's name was.
inline constexpr std::string_view kDeletedCustomer = "Deleted customer";

struct CustomerPurgeCounts {
  std::int64_t customers = 0, sites = 0, messages = 0, consent = 0, attachments = 0, blobs = 0,
               work_orders = 0, invoice_snapshots = 0;
  std::int64_t total() const { return customers; }
  CustomerPurgeCounts& operator+=(const CustomerPurgeCounts& o);
};

// Every organization's due customers, one transaction per organization and
// batch. Idempotent and safe with several instances at once: each customer
// is claimed by a conditional UPDATE (purged_at IS NULL), so a second
// sweeper finds nothing to do. Each batch that purged something writes one
// audit entry with the counts ("retention.customers_purged"; counts only,
// never names). `ledger_dir`: the erasure ledger (privacy/erasure_ledger.hpp),
// so a restored backup does not bring a purged customer back.
CustomerPurgeCounts purge_expired_customers(store::Database& db, const store::BlobStore& blobs,
                                            const std::string& ledger_dir, std::int64_t now_ms);

}  // namespace bulwark::domain::retention
