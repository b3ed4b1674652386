#include "webhooks/event_log.hpp"

namespace bulwark::webhooks {

std::int64_t purge_handled_events(store::Database& db, std::int64_t now_ms) {
  return db
      .query(store::Sql("DELETE FROM webhook_events WHERE received_at < $1"),
             {now_ms - kEventRetentionMs})
      .affected;
}

}  // namespace bulwark::webhooks
