#include "domain/work_orders/repo.hpp"

#include "domain/work_orders/visit_text.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::work_orders::repo {

namespace {

using store::OrgSql;

constexpr OrgSql kVisible(
    "SELECT 1 FROM work_orders WHERE org_id = $1 AND id = $2 AND "
    "(CAST($3 AS BIGINT) IS NULL OR assignee_id = CAST($3 AS BIGINT))");

constexpr OrgSql kNextNumber(
    "INSERT INTO org_counters (org_id, name, value) VALUES ($1, 'work_order', 1001) "
    "ON CONFLICT (org_id, name) DO UPDATE SET value = org_counters.value + 1 RETURNING value");

constexpr OrgSql kInsert(
    "INSERT INTO work_orders (org_id, number, title, description, type, priority, status, "
    "customer_id, site_id, assignee_id, scheduled_start, scheduled_end, due_at, "
    "estimated_hours, created_by, created_at, updated_at, notify_customer, asset_id, row_key) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, "
    "$18, $19) RETURNING id");

// Optimistic concurrency: the update applies only to the version read.
constexpr OrgSql kUpdate(
    "UPDATE work_orders SET title = COALESCE($4, title), "
    "description = COALESCE($5, description), row_key = COALESCE($21, row_key), "
    "type = COALESCE($6, type), "
    "priority = COALESCE($7, priority), customer_id = COALESCE($8, customer_id), "
    "site_id = COALESCE($9, site_id), "
    "assignee_id = CASE WHEN $19 = 1 THEN NULL ELSE COALESCE($10, assignee_id) END, "
    "scheduled_start = COALESCE($11, scheduled_start), "
    "scheduled_end = COALESCE($12, scheduled_end), "
    "due_at = CASE WHEN $20 = 1 THEN NULL ELSE COALESCE($13, due_at) END, "
    "estimated_hours = COALESCE($14, estimated_hours), updated_at = $15, "
    "notify_customer = $16, version = version + 1, "
    "asset_id = CASE WHEN $17 = 1 THEN CAST($18 AS BIGINT) ELSE asset_id END "
    "WHERE org_id = $1 AND id = $2 AND version = $3");

// The description is sealed under the row's key (one is given to a row from
// before migration 0024 when its description changes).
constexpr OrgSql kRowKey("SELECT row_key FROM work_orders WHERE org_id = $1 AND id = $2");

constexpr OrgSql kSetStatus(
    "UPDATE work_orders SET status = $4, updated_at = $5, version = version + 1, "
    "completed_at = CASE WHEN $4 = 'completed' THEN $5 WHEN $4 = 'open' THEN NULL "
    "ELSE completed_at END WHERE org_id = $1 AND id = $2 AND version = $3");

constexpr OrgSql kAddHistory(
    "INSERT INTO work_order_history (org_id, work_order_id, from_status, to_status, actor_id, "
    "at) VALUES ($1, $2, $3, $4, $5, $6)");
constexpr OrgSql kHistory(
    "SELECT h.from_status, h.to_status, h.actor_id, h.at, "
    "COALESCE(NULLIF(u.name, ''), u.email) AS actor_name FROM work_order_history h "
    "LEFT JOIN users u ON u.org_id = $1 AND u.id = h.actor_id "
    "WHERE h.org_id = $1 AND h.work_order_id = $2 ORDER BY h.id");

constexpr OrgSql kCustomerExists(
    "SELECT 1 FROM customers WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL");
constexpr OrgSql kSiteExists("SELECT 1 FROM sites WHERE org_id = $1 AND id = $2");
constexpr OrgSql kActiveUserExists(
    "SELECT 1 FROM users WHERE org_id = $1 AND id = $2 AND active = 1");

struct Counter {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Counter, (), (value))

template <class T>
std::optional<std::string> text_of(const std::optional<T>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

}  // namespace

bool visible(store::OrgTx& tx, std::int64_t id, Scope only_assignee) {
  return !tx.run(kVisible, id, only_assignee).empty();
}

std::int64_t next_number(store::OrgTx& tx) { return tx.one<Counter>(kNextNumber)->value; }

std::int64_t insert(store::OrgTx& tx, const NewWorkOrder& w, std::int64_t number,
                    std::string_view status, std::int64_t created_by, std::int64_t now) {
  const auto description =
      seal_new(tx, "work_orders", "description", text_of(w.description).value_or(""));
  return tx
      .one<NewId>(kInsert, number, w.title.value, description.text,
                  text_of(w.type).value_or("corrective"), text_of(w.priority).value_or("medium"),
                  status, w.customer_id, w.site_id, w.assignee_id, w.scheduled_start,
                  w.scheduled_end, w.due_at, w.estimated_hours, created_by, now,
                  w.notify_customer.value_or(true), w.asset_id, description.row_key)
      ->id;
}

Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t id, const WorkOrderChange& c,
                                bool notify_customer, std::int64_t now) {
  std::optional<std::string> key, description;
  if (c.description) {
    const auto row = tx.one<OwnRowKey>(kRowKey, id);
    key = row && row->row_key ? *row->row_key : tx.new_row_key();
    description = tx.seal("work_orders", "description", *key, c.description->value);
  }
  return tx.update_versioned(kUpdate, "work order", id, c.version, c.title, description, c.type,
                             c.priority, c.customer_id, c.site_id, c.assignee_id, c.scheduled_start,
                             c.scheduled_end, c.due_at, c.estimated_hours, now, notify_customer,
                             std::int64_t{c.asset_id.absent() ? 0 : 1}, c.asset_id.if_set(),
                             resource::cleared(c.assignee_id), resource::cleared(c.due_at), key);
}

Expected<void, ApiError> set_status(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                    std::string_view status, std::int64_t now) {
  return tx.update_versioned(kSetStatus, "work order", id, version, status, now);
}

void add_history(store::OrgTx& tx, std::int64_t id, std::optional<std::string_view> from,
                 std::string_view to, std::int64_t actor, std::int64_t now) {
  tx.run(kAddHistory, id, from, to, actor, now);
}

std::vector<HistoryRow> history(store::OrgTx& tx, std::int64_t id) {
  return tx.all<HistoryRow>(kHistory, id);
}

bool customer_exists(store::OrgTx& tx, std::int64_t id) {
  return !tx.run(kCustomerExists, id).empty();
}
bool site_exists(store::OrgTx& tx, std::int64_t id) { return !tx.run(kSiteExists, id).empty(); }
bool active_user_exists(store::OrgTx& tx, std::int64_t id) {
  return !tx.run(kActiveUserExists, id).empty();
}

}  // namespace bulwark::domain::work_orders::repo
