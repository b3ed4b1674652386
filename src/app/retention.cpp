#include "app/retention.hpp"

#include "app/policies.hpp"
#include "audit/archive.hpp"
#include "domain/customers/site_access.hpp"
#include "domain/retention/customer_purge.hpp"
#include "domain/retention/invoice_snapshot.hpp"
#include "idempotency/key_store.hpp"
#include "identity/mfa.hpp"
#include "identity/sessions.hpp"
#include "privacy/erasure_ledger.hpp"
#include "store/blob_orphans.hpp"
#include "webhooks/event_log.hpp"

namespace bulwark::app {

RetentionReport sweep_retention(store::Database& db, const config::Config& config,
                                std::int64_t now_ms) {
  RetentionReport r;
  r.sessions = identity::purge_expired_sessions(db, session_policy(config));
  // Expired sign-in challenges (the second step, 5 minutes; issue 15 item 1)
  // are counted with the sessions they never became.
  db.with_connection(
      [&](store::Connection& c) { r.sessions += identity::mfa::purge_challenges(c, now_ms); });
  r.webhook_events = webhooks::purge_handled_events(db, now_ms);
  r.idempotency_keys = idempotency::purge_expired(db, now_ms);
  r.access_reveals = domain::customers::purge_old_reveals(db, now_ms);
  r.orphan_files = store::remove_orphan_blobs(db, config.data_dir, now_ms);
  r.customers_purged =
      domain::retention::purge_expired_customers(db, store::BlobStore(config.data_dir),
                                                 privacy::ledger_dir(config.data_dir), now_ms)
          .customers;
  r.invoice_snapshots_removed = domain::retention::expire_invoice_snapshots(db, now_ms);
  r.audit_entries_archived =
      audit::archive_old_entries(db, audit::archive_dir(config.data_dir), now_ms).entries;
  return r;
}

}  // namespace bulwark::app
