#pragma once
// The general jobs outbox: every call to an outside service is a row in
// `jobs`, written in the transaction of the change that caused it, so the
// call happens if and only if the change committed, and survives a crash.
// Workers (jobs/worker.hpp) claim due rows in batches with a lease; a
// crashed worker's claims come back when the lease runs out. Delivery is at
// least once: handlers send an idempotency key derived from the job.
//
// payload is JSON text: ids and references only, never secrets or personal
// data (they would sit in the table and in backups). last_error is a short
// code such as "stripe_http_503", never a provider's answer body.
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace bulwark::jobs {

// Queues a job inside the caller's transaction. (kind, idempotency_key) is
// unique: the same cause queued twice is one job. Returns false for such a
// duplicate. `now_ms` defaults to the wall clock (due at once).
bool enqueue_job(store::Connection& conn, std::string_view kind, const boost::json::object& payload,
                 std::string_view idempotency_key,
                 std::optional<std::int64_t> org_id = std::nullopt,
                 std::optional<std::int64_t> now_ms = std::nullopt);

struct Job {
  std::int64_t id = 0;
  std::optional<std::int64_t> org_id;
  std::string kind;
  boost::json::object payload;
  std::string idempotency_key;
  int attempts = 0;  // including the one now claimed
};

// Claims at most `batch` due jobs of one kind: queued and past their
// back-off, or running under a lease that ran out. Each claim counts as an
// attempt and holds the job until now + lease.
std::vector<Job> claim_jobs(store::Database& db, std::string_view kind, std::int64_t now_ms,
                            std::chrono::milliseconds lease, int batch);

// What one attempt came to. Only the claim's holder can record it (the row
// is still 'running' with the attempt count it claimed); a stale holder
// whose lease ran out and was re-claimed changes nothing.
void complete_job(store::Database& db, const Job& job, std::int64_t now_ms);
void fail_job(store::Database& db, const Job& job, std::string_view error, std::int64_t now_ms);
void retry_job(store::Database& db, const Job& job, std::string_view error,
               std::int64_t next_attempt_at, std::int64_t now_ms);

// Back-off before attempt n+1 after n failed attempts: base * 2^(n-1), at most `cap`.
std::int64_t retry_delay_ms(int attempts, std::chrono::milliseconds base,
                            std::chrono::milliseconds cap = std::chrono::hours(1));

// How an HTTP answer is treated: 2xx done; no answer (0), 429 and 5xx are
// worth another try; any other answer will not change by retrying.
enum class HttpVerdict { done, retry, give_up };
HttpVerdict verdict_of_http(long status);

}  // namespace bulwark::jobs
