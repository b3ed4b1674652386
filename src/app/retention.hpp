#pragma once
// Retention sweeps that every instance runs (field-service policy retention
// table): expired sessions (session tokens 24 h), handled webhook ids
// (longer than any provider retries) and idempotency keys (24 h). Deletes
// are idempotent, so instances sharing one database may all sweep.
#include <cstdint>

#include "config/config.hpp"
#include "store/database.hpp"

namespace bulwark::app {

struct RetentionReport {
  std::int64_t sessions = 0;
  std::int64_t webhook_events = 0;
  std::int64_t idempotency_keys = 0;
};

RetentionReport sweep_retention(store::Database& db, const config::Config& config,
                                std::int64_t now_ms);

}  // namespace bulwark::app
