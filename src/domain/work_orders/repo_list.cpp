// Reading work orders as a view: one by id, and the list with its filters
// and sorts. The list is the most requested page of the app, so its plain
// forms (no filter, or one technician in one status) keep the statements
// they always had; the filters and sorts added for "what needs attention"
// (overdue, due dates, site, asset, customer-name search, sort=) take one
// statement per sort and direction, each a keyset on (key, id).
#include <limits>

#include "domain/customers/joined.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/visit_text.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::work_orders::repo {

namespace {

using store::OrgSql;

// Work orders with the names a list shows (customer, assignee): one join
// each on a primary key instead of a request per row from the client. The
// rows decode straight into WorkOrderView; its field facts (site, asset,
// phone, access notes, whether a text would reach the customer) are for
// one work order's page (site_facts.cpp fills them), so a list selects
// them as empty constants rather than joining two more tables per row.
#define WO_SELECT                                                                            \
  "SELECT w.id, w.number, w.title, w.description, w.type, w.priority, w.status, "            \
  "w.customer_id, w.site_id, w.assignee_id, w.scheduled_start, w.scheduled_end, w.due_at, "  \
  "w.estimated_hours, w.created_by, w.created_at, w.updated_at, w.completed_at, w.version, " \
  "c.name AS customer_name, c.row_key AS customer_row_key, "                                 \
  "COALESCE(NULLIF(u.name, ''), u.email) AS assignee_name, "                                 \
  "w.customer_confirmed_at, w.notify_customer, w.asset_id, "                                 \
  "NULL AS site_name, NULL AS site_address, NULL AS asset_name, NULL AS customer_phone, "    \
  "NULL AS access_notes, NULL AS gate_code, 0 AS access_hidden, 0 AS customer_textable, "    \
  "NULL AS customer_text_blocker, w.service_plan_id, NULL AS service_plan_title, "           \
  "w.row_key FROM work_orders w "                                                            \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = w.customer_id "                         \
  "LEFT JOIN users u ON u.org_id = $1 AND u.id = w.assignee_id "

// Technicians: only rows assigned to them ($3 NULL for everyone else).
constexpr OrgSql kSelectOne(
    WO_SELECT
    "WHERE w.org_id = $1 AND w.id = $2 "
    "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT))");

// The list without the newer filters, newest first.
constexpr OrgSql kList(
    WO_SELECT
    "WHERE w.org_id = $1 "
    "AND (CAST($2 AS TEXT) IS NULL OR w.status = CAST($2 AS TEXT)) "
    "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT)) "
    "AND (CAST($4 AS BIGINT) IS NULL OR w.customer_id = CAST($4 AS BIGINT)) "
    "AND (CAST($5 AS BIGINT) IS NULL OR w.id < CAST($5 AS BIGINT)) "
    "AND (CAST($6 AS BIGINT) IS NULL OR w.scheduled_start >= CAST($6 AS BIGINT)) "
    "AND (CAST($7 AS BIGINT) IS NULL OR w.scheduled_start < CAST($7 AS BIGINT)) "
    "AND (CAST($9 AS TEXT) IS NULL OR w.priority = CAST($9 AS TEXT)) "
    "ORDER BY w.id DESC LIMIT $8");

// The dispatcher's most common view (one technician's work in one status)
// gets its own statement so it can walk the (org, assignee, status, id) index
// instead of filtering the org's rows one by one.
constexpr OrgSql kListByAssigneeAndStatus(
    WO_SELECT
    "WHERE w.org_id = $1 AND w.assignee_id = $2 AND w.status = $3 "
    "AND (CAST($4 AS BIGINT) IS NULL OR w.id < CAST($4 AS BIGINT)) "
    "ORDER BY w.id DESC LIMIT $5");

// Every filter. like ($8): a case-insensitive substring of the title (the
// description is sealed: not searchable); or the customer's name holds every
// word searched (up to three name tokens, $18-$20: the name is sealed, its
// words are blind indexes);
// number ($9): the work order's number.
// Overdue ($10): due before that instant and still to be done. Status
// ($2) "active" is every status still to be done (kActiveStatus).
#define WO_NAME_TOKEN(n)                                              \
  "AND (CAST($" #n                                                    \
  " AS TEXT) IS NULL OR w.customer_id IN (SELECT t.customer_id FROM " \
  "customer_name_tokens t WHERE t.org_id = $1 AND t.token = CAST($" #n " AS TEXT))) "
#define WO_FILTERED \
  WO_SELECT         \
  "WHERE w.org_id = $1 "                                                               \
  "AND (CAST($2 AS TEXT) IS NULL OR w.status = CAST($2 AS TEXT) "                      \
  "     OR (CAST($2 AS TEXT) = 'active' "                                              \
  "         AND w.status NOT IN ('completed', 'closed', 'cancelled'))) "               \
  "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT)) "            \
  "AND (CAST($4 AS BIGINT) IS NULL OR w.customer_id = CAST($4 AS BIGINT)) "            \
  "AND (CAST($5 AS BIGINT) IS NULL OR w.scheduled_start >= CAST($5 AS BIGINT)) "       \
  "AND (CAST($6 AS BIGINT) IS NULL OR w.scheduled_start < CAST($6 AS BIGINT)) "        \
  "AND (CAST($7 AS TEXT) IS NULL OR w.priority = CAST($7 AS TEXT)) "                   \
  "AND (CAST($8 AS TEXT) IS NULL OR lower(w.title) LIKE CAST($8 AS TEXT) ESCAPE '\\' " \
  "     OR (CAST($18 AS TEXT) IS NOT NULL " WO_NAME_TOKEN(18) WO_NAME_TOKEN(19)       \
      WO_NAME_TOKEN(20) ") "                                                           \
  "     OR w.number = CAST($9 AS BIGINT)) "                                            \
  "AND (CAST($10 AS BIGINT) IS NULL OR (w.due_at < CAST($10 AS BIGINT) "               \
  "     AND w.status NOT IN ('completed', 'closed', 'cancelled'))) "                   \
  "AND (CAST($11 AS BIGINT) IS NULL OR w.due_at >= CAST($11 AS BIGINT)) "              \
  "AND (CAST($12 AS BIGINT) IS NULL OR w.due_at < CAST($12 AS BIGINT)) "               \
  "AND (CAST($13 AS BIGINT) IS NULL OR w.site_id = CAST($13 AS BIGINT)) "              \
  "AND (CAST($14 AS BIGINT) IS NULL OR w.asset_id = CAST($14 AS BIGINT)) "

// One sort: rows after the cursor's (key $15, id $16) in the sort's order.
#define WO_SORTED(KEY, CMP, DIR)                                                            \
  OrgSql(WO_FILTERED "AND (CAST($15 AS BIGINT) IS NULL OR " KEY " " CMP                     \
                     " CAST($15 AS BIGINT) OR (" KEY " = CAST($15 AS BIGINT) AND w.id " CMP \
                     " CAST($16 AS BIGINT))) ORDER BY " KEY " " DIR ", w.id " DIR " LIMIT $17")

// The keys, as SQL and as C++ (sort_key below must compute the same value:
// it makes the next page's cursor from the last row). Work with no due date
// comes last whichever way due is sorted.
#define KEY_NEWEST "w.id"
#define KEY_DUE_ASC "COALESCE(w.due_at, 9223372036854775807)"
#define KEY_DUE_DESC "COALESCE(w.due_at, -9223372036854775807)"
#define KEY_SCHEDULED_ASC "COALESCE(w.scheduled_start, 9223372036854775807)"
#define KEY_SCHEDULED_DESC "COALESCE(w.scheduled_start, -9223372036854775807)"
#define KEY_CREATED "w.created_at"
#define KEY_NUMBER "w.number"
#define KEY_PRIORITY \
  "(CASE w.priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END)"
#define KEY_STATUS                                                                       \
  "(CASE w.status WHEN 'open' THEN 0 WHEN 'scheduled' THEN 1 WHEN 'in_progress' THEN 2 " \
  "WHEN 'on_hold' THEN 3 WHEN 'completed' THEN 4 WHEN 'closed' THEN 5 ELSE 6 END)"

constexpr OrgSql kSorted[7][2] = {
    {WO_SORTED(KEY_NEWEST, "<", "DESC"), WO_SORTED(KEY_NEWEST, ">", "ASC")},
    {WO_SORTED(KEY_DUE_DESC, "<", "DESC"), WO_SORTED(KEY_DUE_ASC, ">", "ASC")},
    {WO_SORTED(KEY_CREATED, "<", "DESC"), WO_SORTED(KEY_CREATED, ">", "ASC")},
    {WO_SORTED(KEY_PRIORITY, "<", "DESC"), WO_SORTED(KEY_PRIORITY, ">", "ASC")},
    {WO_SORTED(KEY_NUMBER, "<", "DESC"), WO_SORTED(KEY_NUMBER, ">", "ASC")},
    {WO_SORTED(KEY_STATUS, "<", "DESC"), WO_SORTED(KEY_STATUS, ">", "ASC")},
    {WO_SORTED(KEY_SCHEDULED_DESC, "<", "DESC"), WO_SORTED(KEY_SCHEDULED_ASC, ">", "ASC")},
};
#undef KEY_NEWEST
#undef KEY_DUE_ASC
#undef KEY_DUE_DESC
#undef KEY_SCHEDULED_ASC
#undef KEY_SCHEDULED_DESC
#undef KEY_CREATED
#undef KEY_NUMBER
#undef KEY_PRIORITY
#undef KEY_STATUS
#undef WO_SORTED
#undef WO_FILTERED
#undef WO_NAME_TOKEN
#undef WO_SELECT

std::int64_t rank_of(std::string_view value, std::initializer_list<std::string_view> order) {
  std::int64_t rank = 0;
  for (auto v : order) {
    if (v == value) return rank;
    ++rank;
  }
  return rank - 1;  // the CASE's ELSE: the last one
}

// Whether the query needs the statements with every filter and sort.
bool needs_filtered(const WorkOrderQuery& q) {
  return q.sort != ListSort::newest || q.ascending || q.like || q.overdue_at || q.due_from ||
         q.due_until || q.site_id || q.asset_id || q.status == kActiveStatus;
}

}  // namespace

std::int64_t sort_key(const WorkOrderView& row, ListSort sort, bool ascending) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  switch (sort) {
    case ListSort::newest: return row.id;
    case ListSort::due: return row.due_at ? row.due_at->ms : (ascending ? kMax : -kMax);
    case ListSort::scheduled:
      return row.scheduled_start ? row.scheduled_start->ms : (ascending ? kMax : -kMax);
    case ListSort::created: return row.created_at.ms;
    case ListSort::priority: return rank_of(row.priority, {"low", "medium", "high", "urgent"});
    case ListSort::number: return row.number.value;
    case ListSort::status:
      return rank_of(row.status, {"open", "scheduled", "in_progress", "on_hold", "completed",
                                  "closed", "cancelled"});
  }
  return row.id;
}

namespace {

// The rows with their description and customer's name opened.
template <class... P>
std::vector<WorkOrderView> opened(store::OrgTx& tx, OrgSql sql, const P&... params) {
  const auto result = tx.run(sql, params...);
  auto rows = decode_sealed(tx, result, "work_orders", "description", &WorkOrderView::description);
  const auto keys = store::decode_all<customers::JoinedCustomerKey>(result);
  for (std::size_t i = 0; i < rows.size(); ++i)
    customers::open_joined(tx, "customers", "name", keys[i].customer_row_key,
                           rows[i].customer_name);
  return rows;
}

}  // namespace

std::optional<WorkOrderView> find(store::OrgTx& tx, std::int64_t id, Scope only_assignee) {
  auto rows = opened(tx, kSelectOne, id, only_assignee);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<WorkOrderView> list(store::OrgTx& tx, const WorkOrderQuery& q) {
  if (needs_filtered(q)) {
    // The newest-first sort's key is the id itself.
    const auto key = q.sort == ListSort::newest ? q.cursor : q.cursor_key;
    const auto names = customers::name_tokens_of<3>(tx, q.customer_words);
    return opened(tx, kSorted[static_cast<int>(q.sort)][q.ascending ? 1 : 0], q.status,
                  q.assignee_id, q.customer_id, q.from, q.to, q.priority, q.like, q.number,
                  q.overdue_at, q.due_from, q.due_until, q.site_id, q.asset_id, key, q.cursor,
                  q.limit + 1, names[0], names[1], names[2]);
  }
  const bool by_assignee_and_status =
      q.status && q.assignee_id && !q.customer_id && !q.priority && !q.from && !q.to;
  if (by_assignee_and_status)
    return opened(tx, kListByAssigneeAndStatus, *q.assignee_id, *q.status, q.cursor, q.limit + 1);
  return opened(tx, kList, q.status, q.assignee_id, q.customer_id, q.cursor, q.from, q.to,
                q.limit + 1, q.priority);
}

}  // namespace bulwark::domain::work_orders::repo
