// The SQL of the dispatch board's schedule change (schedule.cpp).
#include "domain/work_orders/repo.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::work_orders::repo {

namespace {

using store::OrgSql;

// All three set together: a job on the board has a technician and a time,
// one in the queue has neither.
constexpr OrgSql kSchedule(
    "UPDATE work_orders SET assignee_id = $4, scheduled_start = $5, scheduled_end = $6, "
    "status = $7, updated_at = $8, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");

// The technician's other jobs that intersect [start, end): a job without an
// end counts as one hour long. Cancelled jobs free the time.
constexpr OrgSql kOverlaps(
    "SELECT id, number FROM work_orders WHERE org_id = $1 AND assignee_id = $2 AND id <> $3 "
    "AND status <> 'cancelled' AND scheduled_start IS NOT NULL AND scheduled_start < $5 "
    "AND COALESCE(scheduled_end, scheduled_start + 3600000) > $4 "
    "ORDER BY scheduled_start, id LIMIT 20");

}  // namespace

Expected<void, ApiError> set_schedule(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                      std::optional<std::int64_t> assignee,
                                      std::optional<std::int64_t> start,
                                      std::optional<std::int64_t> end, std::string_view status,
                                      std::int64_t now) {
  return tx.update_versioned(kSchedule, "work order", id, version, assignee, start, end, status,
                             now);
}

std::vector<OverlapRow> overlaps(store::OrgTx& tx, std::int64_t assignee, std::int64_t id,
                                 std::int64_t start, std::int64_t end) {
  return tx.all<OverlapRow>(kOverlaps, assignee, id, start, end);
}

}  // namespace bulwark::domain::work_orders::repo
