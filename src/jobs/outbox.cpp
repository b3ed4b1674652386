#include "jobs/outbox.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "identity/clock.hpp"
#include "store/claim.hpp"

namespace bulwark::jobs {

namespace {

using store::CrossTenantSql;
using store::Value;

constexpr store::ClaimStatement kClaim = BULWARK_CLAIM_STATEMENT(
    "UPDATE jobs SET status = 'running', claimed_until = $1, attempts = attempts + 1, "
    "updated_at = $2",
    "SELECT j.id FROM jobs j WHERE j.kind = $3 AND ((j.status = 'queued' AND "
    "j.next_attempt_at <= $2) OR (j.status = 'running' AND j.claimed_until < $2)) "
    "ORDER BY j.id LIMIT $4",
    "j", "id, org_id, kind, payload, idempotency_key, attempts");

// The outbox is the workers': a job may belong to no organization (org_id
// NULL), and the worker finishes jobs by id, whichever tenant they serve.
constexpr CrossTenantSql kEnqueue(
    "INSERT INTO jobs (org_id, kind, payload, idempotency_key, status, next_attempt_at, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, 'queued', $5, $5, $5) "
    "ON CONFLICT (kind, idempotency_key) DO NOTHING RETURNING id");
constexpr CrossTenantSql kComplete(
    "UPDATE jobs SET status = 'done', claimed_until = NULL, last_error = NULL, "
    "updated_at = $3 WHERE id = $1 AND status = 'running' AND attempts = $2");
constexpr CrossTenantSql kFail(
    "UPDATE jobs SET status = 'failed', claimed_until = NULL, last_error = $3, "
    "updated_at = $4 WHERE id = $1 AND status = 'running' AND attempts = $2");
constexpr CrossTenantSql kRetry(
    "UPDATE jobs SET status = 'queued', claimed_until = NULL, last_error = $3, "
    "next_attempt_at = $4, updated_at = $5 WHERE id = $1 AND status = 'running' "
    "AND attempts = $2");

}  // namespace

bool enqueue_job(store::Connection& conn, std::string_view kind, const boost::json::object& payload,
                 std::string_view idempotency_key, std::optional<std::int64_t> org_id,
                 std::optional<std::int64_t> now_ms) {
  const auto now = now_ms.value_or(identity::now_ms());
  auto r =
      conn.query(kEnqueue, {org_id ? Value(*org_id) : Value(nullptr), std::string(kind),
                            boost::json::serialize(payload), std::string(idempotency_key), now});
  return !r.empty();
}

std::vector<Job> claim_jobs(store::Database& db, std::string_view kind, std::int64_t now_ms,
                            std::chrono::milliseconds lease, int batch) {
  const Value params[] = {now_ms + lease.count(), now_ms, std::string(kind), std::int64_t{batch}};
  auto rows = store::claim_rows(db, kClaim, params);
  std::vector<Job> out;
  for (const auto& r : rows.rows) {
    Job job{r.integer(0), r.optional_integer(1),         r.text(2), {},
            r.text(4),    static_cast<int>(r.integer(5))};
    boost::system::error_code ec;
    auto parsed = boost::json::parse(r.text(3), ec);
    if (!ec && parsed.is_object()) job.payload = std::move(parsed.as_object());
    out.push_back(std::move(job));
  }
  // RETURNING gives no order guarantee; oldest first keeps causes in order.
  std::sort(out.begin(), out.end(), [](const Job& a, const Job& b) { return a.id < b.id; });
  return out;
}

void complete_job(store::Database& db, const Job& job, std::int64_t now_ms) {
  db.query(kComplete, {job.id, std::int64_t{job.attempts}, now_ms});
}

void fail_job(store::Database& db, const Job& job, std::string_view error, std::int64_t now_ms) {
  db.query(kFail, {job.id, std::int64_t{job.attempts}, std::string(error), now_ms});
}

void retry_job(store::Database& db, const Job& job, std::string_view error,
               std::int64_t next_attempt_at, std::int64_t now_ms) {
  db.query(kRetry,
           {job.id, std::int64_t{job.attempts}, std::string(error), next_attempt_at, now_ms});
}

std::int64_t retry_delay_ms(int attempts, std::chrono::milliseconds base,
                            std::chrono::milliseconds cap) {
  const int shift = std::clamp(attempts - 1, 0, 30);
  const auto base_ms = std::max<std::int64_t>(base.count(), 1);
  // base << shift may overflow for large bases: compare before shifting.
  if (base_ms > (cap.count() >> shift)) return cap.count();
  return std::min<std::int64_t>(base_ms << shift, cap.count());
}

HttpVerdict verdict_of_http(long status) {
  if (status >= 200 && status < 300) return HttpVerdict::done;
  if (status == 0 || status == 429 || status >= 500) return HttpVerdict::retry;
  return HttpVerdict::give_up;
}

}  // namespace bulwark::jobs
