#include "domain/customers/site_access.hpp"

#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "domain/timestamps.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::customers {

namespace {

using store::OrgSql;

constexpr OrgSql kSite(
    "SELECT id, customer_id, row_key, name, address, access_notes, created_at, gate_code "
    "FROM sites WHERE org_id = $1 AND id = $2");
// Open work: anything not finished (completed, closed, cancelled).
constexpr OrgSql kAssignedOpenWork(
    "SELECT 1 FROM work_orders WHERE org_id = $1 AND site_id = $2 AND assignee_id = $3 "
    "AND status IN ('open', 'scheduled', 'in_progress', 'on_hold') LIMIT 1");
// The primary key (org, site, user, day) keeps the first reveal only.
constexpr OrgSql kFirstRevealToday(
    "INSERT INTO site_access_reveals (org_id, site_id, user_id, day, first_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");

// Every organization's at once: the retention sweep.
constexpr store::CrossTenantSql kPurgeReveals(
    "DELETE FROM site_access_reveals WHERE first_at <= $1");

bool office(security::Role role) {
  return security::role_rank(role) >= security::role_rank(security::Role::dispatcher);
}

}  // namespace

// The organization's local day: a technician's early-morning tap and their
// afternoon one are the same working day wherever the company is.
std::string access_reveal_day(store::OrgTx& tx, std::int64_t now) {
  return core::iso_date(core::local_date(org::time_zone(tx), now));
}

std::int64_t purge_old_reveals(store::Database& db, std::int64_t now_ms) {
  return db.query(kPurgeReveals, {now_ms - kRevealRetentionMs}).affected;
}

Expected<SiteAccessView, ApiError> reveal_access(store::OrgTx& tx, const Revealer& by,
                                                 std::int64_t site, std::int64_t now) {
  auto row = tx.one<SiteRow>(kSite, site);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  const bool assigned =
      by.role == security::Role::technician && !tx.run(kAssignedOpenWork, site, by.user_id).empty();
  if (!office(by.role) && !assigned)
    return unexpected(ApiError(ErrorCode::forbidden,
                               "only the technician assigned to open work at this site, or the "
                               "office, sees its access notes",
                               "not_assigned"));
  if (tx.run(kFirstRevealToday, site, by.user_id, access_reveal_day(tx, now), now).affected > 0)
    by.actor.record(tx.connection(), "site.access_revealed", "site", site,
                    {"access_notes", "gate_code"});
  store::open_personal(tx, "sites", *row);
  return SiteAccessView{row->id, row->access_notes.value, row->gate_code.value};
}

}  // namespace bulwark::domain::customers
