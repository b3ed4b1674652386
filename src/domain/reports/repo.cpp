#include "domain/reports/repo.hpp"

namespace bulwark::domain::reports::repo {

namespace {

using store::OrgSql;

// Done is completed or closed (closing keeps completed_at); a cancelled or
// reopened work order counts as not done.
constexpr OrgSql kPmWorkOrders(
    "SELECT g.schedule_id, w.due_at, CASE WHEN w.status IN ('completed', 'closed') "
    "THEN w.completed_at END AS completed_at FROM pm_generated g "
    "JOIN work_orders w ON w.org_id = $1 AND w.id = g.work_order_id "
    "WHERE g.org_id = $1 AND w.due_at >= $2 AND w.due_at < $3 ORDER BY w.due_at LIMIT 20000");
constexpr OrgSql kRepairs(
    "SELECT asset_id, created_at, completed_at FROM work_orders WHERE org_id = $1 "
    "AND asset_id IS NOT NULL AND type IN ('corrective', 'emergency') "
    "AND status IN ('completed', 'closed') AND completed_at >= $2 AND completed_at < $3 "
    "LIMIT 20000");
constexpr OrgSql kStatusChanges(
    "SELECT asset_id, to_status, changed_at FROM asset_status_changes WHERE org_id = $1 "
    "AND changed_at >= $2 AND changed_at < $3 ORDER BY asset_id, changed_at, id LIMIT 50000");
constexpr OrgSql kAssetNames(
    "SELECT a.id, a.name, s.name AS site_name FROM assets a "
    "LEFT JOIN sites s ON s.org_id = $1 AND s.id = a.site_id WHERE a.org_id = $1");

}  // namespace

std::vector<PmWorkOrder> pm_work_orders(store::OrgTx& tx, std::int64_t from, std::int64_t to) {
  return tx.all<PmWorkOrder>(kPmWorkOrders, from, to);
}

std::vector<Repair> repairs(store::OrgTx& tx, std::int64_t from, std::int64_t to) {
  return tx.all<Repair>(kRepairs, from, to);
}

std::vector<StatusChange> status_changes(store::OrgTx& tx, std::int64_t from, std::int64_t to) {
  return tx.all<StatusChange>(kStatusChanges, from, to);
}

std::vector<AssetName> asset_names(store::OrgTx& tx) { return tx.all<AssetName>(kAssetNames); }

}  // namespace bulwark::domain::reports::repo
