// The SQL of the field facts beside a work order (site, access notes, asset,
// customer's phone) and of an asset's work history.
#include "domain/customers/joined.hpp"
#include "domain/work_orders/repo.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::work_orders::repo {

namespace {

using store::OrgSql;

constexpr OrgSql kFieldFacts(
    "SELECT w.site_id, w.asset_id, s.name AS site_name, s.address AS site_address, s.access_notes "
    "AS access_notes, s.gate_code AS gate_code, "
    "a.name AS asset_name, c.phone AS customer_phone, c.sms_opt_out AS customer_sms_opt_out, "
    "s.row_key AS site_row_key, c.row_key AS customer_row_key FROM work_orders w "
    "LEFT JOIN sites s ON s.org_id = $1 AND s.id = w.site_id "
    "LEFT JOIN assets a ON a.org_id = $1 AND a.id = w.asset_id "
    "LEFT JOIN customers c ON c.org_id = $1 AND c.id = w.customer_id "
    "WHERE w.org_id = $1 AND w.id = $2");

constexpr OrgSql kAssetSite("SELECT site_id AS value FROM assets WHERE org_id = $1 AND id = $2");

// Newest first; technicians ($3) see only their own work orders.
constexpr OrgSql kAssetWork(
    "SELECT w.id, w.number, w.title, w.type, w.status, w.scheduled_start, w.completed_at, "
    "w.created_at, COALESCE(NULLIF(u.name, ''), u.email) AS assignee_name, "
    "(SELECT COALESCE(SUM(t.minutes), 0) FROM work_order_time t "
    " WHERE t.org_id = $1 AND t.work_order_id = w.id) AS labour_minutes "
    "FROM work_orders w LEFT JOIN users u ON u.org_id = $1 AND u.id = w.assignee_id "
    "WHERE w.org_id = $1 AND w.asset_id = $2 "
    "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT)) "
    "ORDER BY w.id DESC LIMIT $4");
constexpr OrgSql kAssetParts(
    "SELECT p.work_order_id, p.quantity, p.unit_cost_cents FROM work_order_parts p "
    "JOIN work_orders w ON w.org_id = $1 AND w.id = p.work_order_id "
    "WHERE p.org_id = $1 AND w.asset_id = $2 AND w.id >= $3");
constexpr OrgSql kLabourRate("SELECT labour_rate_cents AS value FROM orgs WHERE id = $1");

struct Value {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Value, (), (value))

}  // namespace

std::optional<FieldFactsRow> field_facts(store::OrgTx& tx, std::int64_t wo) {
  auto row = tx.one<FieldFactsRow>(kFieldFacts, wo);
  if (!row) return row;
  const auto& site = row->site_row_key;
  customers::open_joined(tx, "sites", "address", site, row->site_address);
  customers::open_joined(tx, "sites", "access_notes", site, row->access_notes);
  customers::open_joined(tx, "sites", "gate_code", site, row->gate_code);
  customers::open_joined(tx, "customers", "phone", row->customer_row_key, row->customer_phone);
  return row;
}

std::optional<std::int64_t> asset_site(store::OrgTx& tx, std::int64_t asset) {
  const auto row = tx.one<Value>(kAssetSite, asset);
  if (!row) return std::nullopt;
  return row->value;
}

std::vector<AssetWorkRow> asset_work(store::OrgTx& tx, std::int64_t asset, Scope only_assignee,
                                     std::int64_t limit) {
  return tx.all<AssetWorkRow>(kAssetWork, asset, only_assignee, limit);
}

std::vector<AssetPartRow> asset_parts(store::OrgTx& tx, std::int64_t asset,
                                      std::int64_t from_work_order) {
  return tx.all<AssetPartRow>(kAssetParts, asset, from_work_order);
}

std::int64_t labour_rate_cents(store::OrgTx& tx) { return tx.one<Value>(kLabourRate)->value; }

}  // namespace bulwark::domain::work_orders::repo
