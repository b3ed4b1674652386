// The SQL of what is recorded on a work order while it is worked, and of the
// dispatcher's board and the technician's day.
#include "domain/customers/joined.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/visit_text.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::work_orders::repo {

namespace {

using store::OrgSql;

constexpr OrgSql kComments(
    "SELECT c.id, c.author_id, u.name AS author_name, c.body, c.created_at, c.row_key "
    "FROM work_order_comments c JOIN users u ON u.org_id = $1 AND u.id = c.author_id "
    "WHERE c.org_id = $1 AND c.work_order_id = $2 ORDER BY c.id");
constexpr OrgSql kTimeEntries(
    "SELECT id, user_id, minutes, note, created_at, row_key FROM work_order_time "
    "WHERE org_id = $1 AND work_order_id = $2 ORDER BY id");
// With the unit of the price book item a line item came from.
#define PART_SELECT                                                                   \
  "SELECT p.id, p.name, p.quantity, p.unit_cost_cents, p.currency, p.price_item_id, " \
  "i.unit AS unit FROM work_order_parts p LEFT JOIN price_items i ON i.org_id = $1 "  \
  "AND i.id = p.price_item_id "
constexpr OrgSql kParts(PART_SELECT "WHERE p.org_id = $1 AND p.work_order_id = $2 ORDER BY p.id");
constexpr OrgSql kPart(PART_SELECT "WHERE p.org_id = $1 AND p.work_order_id = $2 AND p.id = $3");
#undef PART_SELECT

constexpr OrgSql kInsertComment(
    "INSERT INTO work_order_comments (org_id, work_order_id, author_id, body, created_at, "
    "row_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id");
constexpr OrgSql kInsertTimeEntry(
    "INSERT INTO work_order_time (org_id, work_order_id, user_id, minutes, note, created_at, "
    "row_key) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id");
constexpr OrgSql kInsertPart(
    "INSERT INTO work_order_parts (org_id, work_order_id, name, quantity, unit_cost_cents, "
    "added_by, created_at, price_item_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
constexpr OrgSql kUpdatePart(
    "UPDATE work_order_parts SET name = COALESCE($4, name), quantity = COALESCE($5, quantity), "
    "unit_cost_cents = COALESCE($6, unit_cost_cents) "
    "WHERE org_id = $1 AND work_order_id = $2 AND id = $3");

#define BOARD_SELECT                                                                           \
  "SELECT w.id, w.number, w.title, w.status, w.priority, w.assignee_id, w.scheduled_start, "   \
  "w.scheduled_end, w.due_at, c.name AS customer_name, s.address AS site_address, w.version, " \
  "w.customer_confirmed_at, c.row_key AS customer_row_key, s.row_key AS site_row_key "         \
  "FROM work_orders w "                                                                        \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = w.customer_id "                           \
  "LEFT JOIN sites s ON s.org_id = $1 AND s.id = w.site_id "

constexpr OrgSql kScheduledBetween(
    BOARD_SELECT
    "WHERE w.org_id = $1 AND w.scheduled_start >= $2 AND w.scheduled_start < $3 "
    "AND (CAST($4 AS BIGINT) IS NULL OR w.assignee_id = CAST($4 AS BIGINT)) "
    "AND w.status <> 'cancelled' ORDER BY w.scheduled_start, w.id LIMIT $5");

// Work still to plan: open, or scheduled without a technician.
constexpr OrgSql kUnplanned(
    BOARD_SELECT
    "WHERE w.org_id = $1 "
    "AND (w.status = 'open' OR (w.status = 'scheduled' AND w.assignee_id IS NULL)) "
    "AND w.scheduled_start IS NULL ORDER BY w.due_at IS NULL, w.due_at, w.id LIMIT 100");

constexpr OrgSql kDay(BOARD_SELECT
                      "WHERE w.org_id = $1 AND w.assignee_id = $2 AND w.scheduled_start >= $3 "
                      "AND w.scheduled_start < $4 AND w.status NOT IN ('cancelled', 'closed') "
                      "ORDER BY w.scheduled_start, w.id LIMIT 100");
#undef BOARD_SELECT

constexpr OrgSql kTechnicians(
    "SELECT id, name FROM users WHERE org_id = $1 AND role = 'technician' AND active = 1 "
    "ORDER BY name, id");

template <class... P>
std::int64_t inserted_id(store::OrgTx& tx, OrgSql sql, const P&... params) {
  return tx.one<NewId>(sql, params...)->id;
}

// The board's customer names and site addresses, opened.
std::vector<BoardRow> opened(store::OrgTx& tx, std::vector<BoardRow> rows) {
  for (auto& r : rows) {
    customers::open_joined(tx, "customers", "name", r.customer_row_key, r.customer_name);
    customers::open_joined(tx, "sites", "address", r.site_row_key, r.site_address);
  }
  return rows;
}

}  // namespace

std::vector<CommentView> comments(store::OrgTx& tx, std::int64_t wo) {
  return decode_sealed(tx, tx.run(kComments, wo), "work_order_comments", "body",
                       &CommentView::body);
}
std::vector<TimeEntryView> time_entries(store::OrgTx& tx, std::int64_t wo) {
  return decode_sealed(tx, tx.run(kTimeEntries, wo), "work_order_time", "note",
                       &TimeEntryView::note);
}
std::vector<PartRow> parts(store::OrgTx& tx, std::int64_t wo) {
  return tx.all<PartRow>(kParts, wo);
}
std::optional<PartRow> part(store::OrgTx& tx, std::int64_t wo, std::int64_t part) {
  return tx.one<PartRow>(kPart, wo, part);
}

std::int64_t insert_comment(store::OrgTx& tx, std::int64_t wo, std::int64_t author,
                            const std::string& body, std::int64_t now) {
  const auto sealed = seal_new(tx, "work_order_comments", "body", body);
  return inserted_id(tx, kInsertComment, wo, author, sealed.text, now, sealed.row_key);
}

std::int64_t insert_time_entry(store::OrgTx& tx, std::int64_t wo, std::int64_t user,
                               std::int64_t minutes, const std::string& note, std::int64_t now) {
  const auto sealed = seal_new(tx, "work_order_time", "note", note);
  return inserted_id(tx, kInsertTimeEntry, wo, user, minutes, sealed.text, now, sealed.row_key);
}

std::int64_t insert_part(store::OrgTx& tx, std::int64_t wo, const NewPartRow& p, std::int64_t by,
                         std::int64_t now) {
  return inserted_id(tx, kInsertPart, wo, p.name, p.quantity, p.unit_cost_cents, by, now,
                     p.price_item_id);
}

void update_part(store::OrgTx& tx, std::int64_t wo, std::int64_t part, const PartChange& c) {
  tx.run(kUpdatePart, wo, part, c.name, c.quantity, c.unit_cost_cents);
}

std::vector<BoardRow> scheduled_between(store::OrgTx& tx, std::int64_t from, std::int64_t to,
                                        std::optional<std::int64_t> assignee, std::int64_t limit) {
  return opened(tx, tx.all<BoardRow>(kScheduledBetween, from, to, assignee, limit));
}

std::vector<BoardRow> unplanned(store::OrgTx& tx) {
  return opened(tx, tx.all<BoardRow>(kUnplanned));
}

std::vector<DispatchTechnician> technicians(store::OrgTx& tx) {
  return tx.all<DispatchTechnician>(kTechnicians);
}

std::vector<BoardRow> day_of(store::OrgTx& tx, std::int64_t user, std::int64_t from,
                             std::int64_t to) {
  return opened(tx, tx.all<BoardRow>(kDay, user, from, to));
}

}  // namespace bulwark::domain::work_orders::repo
