#pragma once
// The ids of webhook events already handled (Twilio MessageSid, Stripe event
// id), so a retried delivery is answered without being processed again. They
// are kept long enough to outlast every provider retry (Stripe retries for
// three days, Twilio for hours) and then deleted: the table holds no
// customer data, but nothing should grow forever.
#include <cstdint>

#include "store/database.hpp"

namespace bulwark::webhooks {

inline constexpr std::int64_t kEventRetentionMs = 30LL * 86'400'000;

// Deletes the ids older than the retention; returns how many went.
std::int64_t purge_handled_events(store::Database& db, std::int64_t now_ms);

}  // namespace bulwark::webhooks
