#pragma once
// The SMS sender: claims due outbox rows and posts them to Twilio's Messages
// API. Safe with several instances on one PostgreSQL: rows are claimed with
// FOR UPDATE SKIP LOCKED and leased (claimed_until), so two instances never
// hold the same row and a crashed instance's rows come back after the lease.
// Each request carries the row's idempotency key (Idempotency-Key header) so
// a peer that honours it drops the resend after a crash between its answer
// and our commit. Retries: transport errors, 429 and 5xx, with exponential
// back-off; other 4xx fail the message. A customer who opted out after the
// message was queued is skipped ('suppressed'), and so is a row that is no
// longer ours right before the post (superseded, or reclaimed by another
// instance after our lease ran out).
#include <chrono>
#include <cstdint>

#include "config/config.hpp"
#include "store/database.hpp"

namespace bulwark::messaging {

inline constexpr int kMaxSendAttempts = 8;

struct SendReport {
  int claimed = 0;
  int sent = 0;
  int retried = 0;
  int failed = 0;
  int suppressed = 0;
  int withdrawn = 0;  // superseded or reclaimed between the claim and the send
  int held = 0;       // automated texts outside 08:00-21:00 local, back in the queue
};

// One pass over at most `batch` due messages. Does nothing (and claims
// nothing) without Twilio credentials; messages then wait in the outbox.
SendReport send_due_messages(store::Database& db, const config::Config& config, std::int64_t now_ms,
                             int batch = 20);

// Back-off before attempt n+1 after n failed attempts: base * 2^(n-1), at most an hour.
std::int64_t retry_delay_ms(int attempts, std::chrono::milliseconds base);

}  // namespace bulwark::messaging
