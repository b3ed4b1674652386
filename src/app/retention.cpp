#include "app/retention.hpp"

#include "app/policies.hpp"
#include "domain/customers/site_access.hpp"
#include "idempotency/key_store.hpp"
#include "identity/sessions.hpp"
#include "store/blob_orphans.hpp"
#include "webhooks/event_log.hpp"

namespace bulwark::app {

RetentionReport sweep_retention(store::Database& db, const config::Config& config,
                                std::int64_t now_ms) {
  RetentionReport r;
  r.sessions = identity::purge_expired_sessions(db, session_policy(config));
  r.webhook_events = webhooks::purge_handled_events(db, now_ms);
  r.idempotency_keys = idempotency::purge_expired(db, now_ms);
  r.access_reveals = domain::customers::purge_old_reveals(db, now_ms);
  r.orphan_files = store::remove_orphan_blobs(db, config.data_dir, now_ms);
  return r;
}

}  // namespace bulwark::app
