#include "domain/assets/repo_status.hpp"

#include "domain/work_orders/visit_text.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::assets::repo {

namespace {

using store::OrgSql;

// The reason is sealed per row (domain/work_orders/visit_text.hpp).
constexpr std::string_view kTable = "asset_status_changes";

constexpr OrgSql kPlace(
    "SELECT id, site_id, parent_id, status, version FROM assets WHERE org_id = $1 AND id = $2");
// $5 = 1 clears the parent; otherwise $6 (when not null) sets it.
constexpr OrgSql kUpdate(
    "UPDATE assets SET name = COALESCE($4, name), "
    "parent_id = CASE WHEN CAST($5 AS BIGINT) = 1 THEN NULL "
    "  ELSE COALESCE(CAST($6 AS BIGINT), parent_id) END, "
    "status = COALESCE(CAST($7 AS TEXT), status), updated_at = $8, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kInsertChange(
    "INSERT INTO asset_status_changes (org_id, asset_id, from_status, to_status, reason, "
    "changed_by, changed_at, row_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
constexpr OrgSql kChanges(
    "SELECT c.id, c.from_status, c.to_status, c.reason, c.row_key, "
    "COALESCE(NULLIF(u.name, ''), u.email) AS changed_by_name, c.changed_at "
    "FROM asset_status_changes c LEFT JOIN users u ON u.org_id = $1 AND u.id = c.changed_by "
    "WHERE c.org_id = $1 AND c.asset_id = $2 ORDER BY c.changed_at DESC, c.id DESC LIMIT $3");
constexpr OrgSql kAtOrBefore(
    "SELECT to_status, reason, changed_at, row_key FROM asset_status_changes "
    "WHERE org_id = $1 AND asset_id = $2 AND changed_at <= $3 "
    "ORDER BY changed_at DESC, id DESC LIMIT 1");
constexpr OrgSql kBetween(
    "SELECT to_status, reason, changed_at, row_key FROM asset_status_changes "
    "WHERE org_id = $1 AND asset_id = $2 AND changed_at > $3 AND changed_at < $4 "
    "ORDER BY changed_at, id");
constexpr OrgSql kCostWork(
    "SELECT w.id, w.asset_id, COALESCE(w.completed_at, w.created_at) AS at, "
    "(SELECT COALESCE(SUM(t.minutes), 0) FROM work_order_time t "
    " WHERE t.org_id = $1 AND t.work_order_id = w.id) AS labour_minutes "
    "FROM work_orders w WHERE w.org_id = $1 AND w.asset_id = $2 "
    "AND COALESCE(w.completed_at, w.created_at) >= $3 "
    "AND COALESCE(w.completed_at, w.created_at) < $4");
constexpr OrgSql kCostParts(
    "SELECT p.work_order_id, p.quantity, p.unit_cost_cents FROM work_order_parts p "
    "JOIN work_orders w ON w.org_id = $1 AND w.id = p.work_order_id "
    "WHERE p.org_id = $1 AND w.asset_id = $2 "
    "AND COALESCE(w.completed_at, w.created_at) >= $3 "
    "AND COALESCE(w.completed_at, w.created_at) < $4");
// The same two for every asset of the organization at once (the reports).
constexpr OrgSql kCostWorkAll(
    "SELECT w.id, w.asset_id, COALESCE(w.completed_at, w.created_at) AS at, "
    "(SELECT COALESCE(SUM(t.minutes), 0) FROM work_order_time t "
    " WHERE t.org_id = $1 AND t.work_order_id = w.id) AS labour_minutes "
    "FROM work_orders w WHERE w.org_id = $1 AND w.asset_id IS NOT NULL "
    "AND COALESCE(w.completed_at, w.created_at) >= $2 "
    "AND COALESCE(w.completed_at, w.created_at) < $3");
constexpr OrgSql kCostPartsAll(
    "SELECT p.work_order_id, p.quantity, p.unit_cost_cents FROM work_order_parts p "
    "JOIN work_orders w ON w.org_id = $1 AND w.id = p.work_order_id "
    "WHERE p.org_id = $1 AND w.asset_id IS NOT NULL "
    "AND COALESCE(w.completed_at, w.created_at) >= $2 "
    "AND COALESCE(w.completed_at, w.created_at) < $3");
constexpr OrgSql kLabourRate("SELECT labour_rate_cents AS value FROM orgs WHERE id = $1");

struct Value {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Value, (), (value))

}  // namespace

std::optional<AssetPlace> place(store::OrgTx& tx, std::int64_t asset) {
  return tx.one<AssetPlace>(kPlace, asset);
}

Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t asset, std::int64_t version,
                                const std::optional<std::string>& name, bool clear_parent,
                                std::optional<std::int64_t> parent,
                                const std::optional<std::string>& status, std::int64_t now) {
  return tx.update_versioned(kUpdate, "asset", asset, version, name,
                             std::int64_t{clear_parent ? 1 : 0}, parent, status, now);
}

void insert_change(store::OrgTx& tx, std::int64_t asset, const std::string& from,
                   const std::string& to, const std::string& reason, std::optional<std::int64_t> by,
                   std::int64_t at) {
  const auto sealed = work_orders::seal_new(tx, kTable, "reason", reason);
  tx.run(kInsertChange, asset, from, to, sealed.text, by, at, sealed.row_key);
}

std::vector<StatusChangeView> changes(store::OrgTx& tx, std::int64_t asset, std::int64_t limit) {
  return work_orders::decode_sealed(tx, tx.run(kChanges, asset, limit), kTable, "reason",
                                    &StatusChangeView::reason);
}

std::optional<StatusPoint> change_at_or_before(store::OrgTx& tx, std::int64_t asset,
                                               std::int64_t at) {
  auto rows = work_orders::decode_sealed(tx, tx.run(kAtOrBefore, asset, at), kTable, "reason",
                                         &StatusPoint::reason);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StatusPoint> changes_between(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                         std::int64_t to) {
  return work_orders::decode_sealed(tx, tx.run(kBetween, asset, from, to), kTable, "reason",
                                    &StatusPoint::reason);
}

std::vector<CostWorkRow> cost_work(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                   std::int64_t to) {
  return tx.all<CostWorkRow>(kCostWork, asset, from, to);
}

std::vector<CostPartRow> cost_parts(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                    std::int64_t to) {
  return tx.all<CostPartRow>(kCostParts, asset, from, to);
}

std::vector<CostWorkRow> cost_work_all(store::OrgTx& tx, std::int64_t from, std::int64_t to) {
  return tx.all<CostWorkRow>(kCostWorkAll, from, to);
}

std::vector<CostPartRow> cost_parts_all(store::OrgTx& tx, std::int64_t from, std::int64_t to) {
  return tx.all<CostPartRow>(kCostPartsAll, from, to);
}

std::int64_t labour_rate_cents(store::OrgTx& tx) {
  return tx.one<Value>(kLabourRate).value_or(Value{}).value;
}

}  // namespace bulwark::domain::assets::repo
