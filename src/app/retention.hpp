#pragma once
// Retention sweeps that every instance runs (field-service policy retention
// table): expired sessions (session tokens 24 h), handled webhook ids
// (longer than any provider retries), idempotency keys (24 h; 2 minutes for
// one left in_flight by a crashed request), site access reveals (2 days) and,
// on SQLite, attachment files with no row (1 hour). Deletes are idempotent,
// so instances sharing one database may all sweep. Issue 13 item 5 adds the
// per-organization retention table: customers soft-deleted for longer than
// the customer retention are purged (each claimed by a conditional UPDATE),
// and invoices' billing snapshots end with the invoice retention.
#include <cstdint>

#include "config/config.hpp"
#include "store/database.hpp"

namespace bulwark::app {

struct RetentionReport {
  std::int64_t sessions = 0;
  std::int64_t webhook_events = 0;
  std::int64_t idempotency_keys = 0;
  std::int64_t access_reveals = 0;
  std::int64_t orphan_files = 0;
  // Issue 13 item 5 (domain/retention/): soft-deleted customers past the
  // organization's customer retention, and invoices' billing snapshots past
  // the invoice retention.
  std::int64_t customers_purged = 0;
  std::int64_t invoice_snapshots_removed = 0;
  // Audit entries moved into encrypted monthly archives (audit/archive.hpp).
  std::int64_t audit_entries_archived = 0;
};

RetentionReport sweep_retention(store::Database& db, const config::Config& config,
                                std::int64_t now_ms);

}  // namespace bulwark::app
