#include "api/work_order_handlers.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "api/query_params.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "domain/timestamps.hpp"
#include "domain/work_order_status.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "http/json_writer.hpp"
#include "identity/clock.hpp"
#include "messaging/outbox.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using domain::WoStatus;
using store::Sql;
using store::Value;

// Work orders with the names a list shows (customer, assignee): one join
// each on a primary key instead of a request per row from the client.
#define WO_COLUMNS                                                                         \
  "w.id, w.number, w.title, w.description, w.type, w.priority, w.status, w.customer_id, " \
  "w.site_id, w.assignee_id, w.scheduled_start, w.scheduled_end, w.due_at, "              \
  "w.estimated_hours, w.created_by, w.created_at, w.updated_at, w.completed_at, "         \
  "w.version, c.name, COALESCE(NULLIF(u.name, ''), u.email), w.customer_confirmed_at, "  \
  "w.notify_customer"
#define WO_FROM                                                                  \
  " FROM work_orders w "                                                         \
  "LEFT JOIN customers c ON c.org_id = w.org_id AND c.id = w.customer_id "       \
  "LEFT JOIN users u ON u.org_id = w.org_id AND u.id = w.assignee_id "

// Technicians: only rows assigned to them ($3 NULL for everyone else).
constexpr Sql kSelectWorkOrder(
    "SELECT " WO_COLUMNS WO_FROM "WHERE w.org_id = $1 AND w.id = $2 "
    "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT))");

// q: a case-insensitive substring of the title or description, or the
// number ("1042" or "WO-1042" finds WO-1042).
constexpr Sql kListWorkOrders(
    "SELECT " WO_COLUMNS WO_FROM "WHERE w.org_id = $1 "
    "AND (CAST($2 AS TEXT) IS NULL OR w.status = CAST($2 AS TEXT)) "
    "AND (CAST($3 AS BIGINT) IS NULL OR w.assignee_id = CAST($3 AS BIGINT)) "
    "AND (CAST($4 AS BIGINT) IS NULL OR w.customer_id = CAST($4 AS BIGINT)) "
    "AND (CAST($5 AS BIGINT) IS NULL OR w.id < CAST($5 AS BIGINT)) "
    "AND (CAST($6 AS BIGINT) IS NULL OR w.scheduled_start >= CAST($6 AS BIGINT)) "
    "AND (CAST($7 AS BIGINT) IS NULL OR w.scheduled_start < CAST($7 AS BIGINT)) "
    "AND (CAST($9 AS TEXT) IS NULL OR w.priority = CAST($9 AS TEXT)) "
    "AND (CAST($10 AS TEXT) IS NULL OR lower(w.title) LIKE CAST($10 AS TEXT) ESCAPE '\\' "
    "     OR lower(w.description) LIKE CAST($10 AS TEXT) ESCAPE '\\' "
    "     OR w.number = CAST($11 AS BIGINT)) "
    "ORDER BY w.id DESC LIMIT $8");

// The dispatcher's most common view (one technician's work in one status)
// gets its own statement so it can walk the (org, assignee, status, id) index
// instead of filtering the org's rows one by one.
constexpr Sql kListByAssigneeAndStatus(
    "SELECT " WO_COLUMNS WO_FROM "WHERE w.org_id = $1 AND w.assignee_id = $2 "
    "AND w.status = $3 AND (CAST($4 AS BIGINT) IS NULL OR w.id < CAST($4 AS BIGINT)) "
    "ORDER BY w.id DESC LIMIT $5");

constexpr std::string_view kTypes[] = {"corrective", "preventive", "inspection", "emergency"};
constexpr std::string_view kPriorities[] = {"low", "medium", "high", "urgent"};

bool one_of(std::string_view v, std::span<const std::string_view> options) {
  return std::ranges::find(options, v) != options.end();
}

bool is_technician(const app::Principal& who) { return who.role == security::Role::technician; }

Value scope_for(const app::Principal& who) {
  return is_technician(who) ? Value(who.user_id) : Value(nullptr);
}

boost::json::value int_or_null(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return nullptr;
  return r.integer(i);
}

// One work order as JSON, written directly (lists write 50 of these).
// allowed_transitions are the moves the caller's role may make.
void write_wo(http::JsonWriter& w, const store::Row& r, security::Role role) {
  auto nullable_int = [&](std::string_view name, std::size_t i) {
    w.key(name);
    if (r.is_null(i)) w.null();
    else w.integer(r.integer(i));
  };
  auto nullable_time = [&](std::string_view name, std::size_t i) {
    w.key(name);
    if (r.is_null(i)) w.null();
    else w.string(domain::format_rfc3339(r.integer(i)));
  };
  auto nullable_text = [&](std::string_view name, std::size_t i) {
    w.key(name);
    if (r.is_null(i)) w.null();
    else w.string(r.text(i));
  };
  const auto status = domain::parse_status(r.text(6)).value_or(WoStatus::open);
  w.begin_object();
  w.field("id", r.integer(0));
  w.field("number", "WO-" + r.text(1));
  w.field("title", r.text(2));
  w.field("description", r.text(3));
  w.field("type", r.text(4));
  w.field("priority", r.text(5));
  w.field("status", r.text(6));
  w.key("allowed_transitions");
  w.begin_array();
  for (auto s : domain::allowed_transitions(status, role)) w.string(domain::status_name(s));
  w.end_array();
  nullable_int("customer_id", 7);
  nullable_int("site_id", 8);
  nullable_int("assignee_id", 9);
  nullable_time("scheduled_start", 10);
  nullable_time("scheduled_end", 11);
  nullable_time("due_at", 12);
  w.key("estimated_hours");
  if (r.is_null(13)) w.null();
  else w.number(r.real(13));
  w.field("created_by", r.integer(14));
  w.field("created_at", domain::format_rfc3339(r.integer(15)));
  w.field("updated_at", domain::format_rfc3339(r.integer(16)));
  nullable_time("completed_at", 17);
  w.field("version", r.integer(18));
  nullable_text("customer_name", 19);
  nullable_text("assignee_name", 20);
  nullable_time("customer_confirmed_at", 21);
  w.field("notify_customer", r.integer(22) != 0);
  w.end_object();
}

http::Response wo_response(int status, const store::Row& r, security::Role role) {
  std::string body;
  http::JsonWriter w(body);
  write_wo(w, r, role);
  return app::raw_json_response(status, std::move(body));
}

store::Row load(store::Connection& conn, const app::Principal& who, std::int64_t id) {
  auto r = conn.query(kSelectWorkOrder, {who.org_id, id, scope_for(who)});
  if (r.empty()) throw ApiError(ErrorCode::not_found, "no such work order");
  return r.rows[0];
}

std::optional<std::int64_t> read_time(http::JsonReader& in, std::string_view name) {
  auto text = in.optional_string(name, 40);
  if (!text) return std::nullopt;
  auto ms = domain::parse_rfc3339(*text);
  if (!ms) in.fail(name, "must be an RFC 3339 time such as 2026-11-23T14:30:00Z");
  return ms;
}

// A referenced customer, site or user must belong to the caller's org.
void require_reference(store::Connection& conn, http::JsonReader& in, std::string_view field,
                       Sql sql, std::int64_t org, std::optional<std::int64_t> id) {
  if (!id) return;
  if (conn.query(sql, {org, *id}).empty()) in.fail(field, "does not exist");
}

struct WoFields {
  std::optional<std::string> title, description, type, priority;
  std::optional<bool> notify_customer;
  std::optional<std::int64_t> customer_id, site_id, assignee_id;
  std::optional<std::int64_t> scheduled_start, scheduled_end, due_at;
  std::optional<double> estimated_hours;
  std::vector<std::string> changed;
};

WoFields read_fields(http::JsonReader& in, const boost::json::object& body, bool partial) {
  WoFields f;
  f.title = partial ? in.optional_string("title", 200) : in.required_string("title", 200);
  f.description = in.optional_string("description", 10000);
  f.type = in.optional_string("type", 20);
  if (f.type && !one_of(*f.type, kTypes))
    in.fail("type", "must be corrective, preventive, inspection or emergency");
  f.priority = in.optional_string("priority", 20);
  if (f.priority && !one_of(*f.priority, kPriorities))
    in.fail("priority", "must be low, medium, high or urgent");
  f.customer_id = in.optional_int("customer_id", 1, INT64_MAX);
  f.site_id = in.optional_int("site_id", 1, INT64_MAX);
  f.assignee_id = in.optional_int("assignee_id", 1, INT64_MAX);
  f.scheduled_start = read_time(in, "scheduled_start");
  f.scheduled_end = read_time(in, "scheduled_end");
  f.due_at = read_time(in, "due_at");
  f.notify_customer = in.optional_bool("notify_customer");
  if (auto it = body.find("estimated_hours"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_number()) in.fail("estimated_hours", "must be a number");
    else {
      const double h = it->value().to_number<double>();
      if (h < 0 || h > 10000) in.fail("estimated_hours", "must be between 0 and 10000");
      else f.estimated_hours = h;
    }
  }
  if (f.scheduled_start && f.scheduled_end && *f.scheduled_end < *f.scheduled_start)
    in.fail("scheduled_end", "must not be before scheduled_start");
  for (const auto& kv : body)
    if (kv.key() != "version") f.changed.emplace_back(kv.key());
  return f;
}

void check_references(store::Connection& conn, http::JsonReader& in, std::int64_t org,
                      const WoFields& f) {
  require_reference(conn, in, "customer_id",
                    Sql("SELECT 1 FROM customers WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL"),
                    org, f.customer_id);
  require_reference(conn, in, "site_id", Sql("SELECT 1 FROM sites WHERE org_id = $1 AND id = $2"),
                    org, f.site_id);
  require_reference(conn, in, "assignee_id",
                    Sql("SELECT 1 FROM users WHERE org_id = $1 AND id = $2 AND active = 1"), org,
                    f.assignee_id);
}

template <typename T>
Value val(const std::optional<T>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// A visit is not (re)scheduled into the past: its customer would be texted
// a confirmation for a time already gone. The slack absorbs clocks and a
// form filled in slowly. Work done already is recorded with
// notify_customer: false, which texts nobody and may carry any start.
constexpr std::int64_t kPastStartSlackMs = 15 * 60'000;

void refuse_past_start(std::int64_t start_ms, bool notify_customer, std::int64_t now_ms) {
  if (!notify_customer || start_ms >= now_ms - kPastStartSlackMs) return;
  throw ApiError(ErrorCode::validation_failed,
                 "the start is more than 15 minutes in the past; to record work already done, "
                 "send notify_customer: false (no texts are sent for it)",
                 "scheduled_in_the_past",
                 {{"scheduled_start", "is more than 15 minutes in the past"}});
}

// Withdraws the visit's unsent confirmations and reminders, audited once.
void supersede_visit_texts(app::RequestContext& ctx, store::Connection& conn, std::int64_t id,
                           std::string_view reason, std::int64_t now) {
  if (messaging::supersede_visit_messages(conn, ctx.who().org_id, id, reason, now) == 0) return;
  auto entry = ctx.audit_entry("sms.superseded", "work_order", std::to_string(id));
  entry.fields = {"status"};
  audit::append(conn, entry);
}

}  // namespace

http::Response list_work_orders(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "assignee_id", "customer_id", "from", "to", "limit", "cursor",
                "priority", "q"});
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  auto status = q.text("status", 20);
  if (status && !domain::parse_status(*status))
    throw ApiError(ErrorCode::validation_failed, "unknown status", "invalid_parameter",
                   {{"status", "is not a work-order status"}});
  auto assignee = q.integer("assignee_id", 1, INT64_MAX);
  // Technicians: their own work orders, whatever they ask for.
  if (is_technician(ctx.who())) assignee = ctx.who().user_id;
  auto parse_time = [&](const std::string& name) -> Value {
    auto t = q.text(name, 40);
    if (!t) return nullptr;
    auto ms = domain::parse_rfc3339(*t);
    if (!ms)
      throw ApiError(ErrorCode::validation_failed, "bad time", "invalid_parameter",
                     {{name, "must be an RFC 3339 time"}});
    return *ms;
  };
  const auto customer = q.integer("customer_id", 1, INT64_MAX);
  const auto cursor = q.integer("cursor", 1, INT64_MAX);
  const Value from = parse_time("from"), to = parse_time("to");
  const auto priority = q.text("priority", 20);
  if (priority && !one_of(*priority, kPriorities))
    throw ApiError(ErrorCode::validation_failed, "unknown priority", "invalid_parameter",
                   {{"priority", "must be low, medium, high or urgent"}});
  const auto search = q.text("q", 100);
  Value pattern = nullptr, number = nullptr;
  if (search) {
    pattern = like_pattern(*search);
    std::string_view digits = *search;
    if (digits.size() > 3 && (digits.starts_with("WO-") || digits.starts_with("wo-"))) digits.remove_prefix(3);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc{} && end == digits.data() + digits.size()) number = n;
  }
  const bool simple = status && assignee && !customer && !priority && !search &&
                      std::holds_alternative<std::nullptr_t>(from) &&
                      std::holds_alternative<std::nullptr_t>(to);
  auto rows = simple ? ctx.services.db.query(kListByAssigneeAndStatus,
                                             {ctx.who().org_id, *assignee, *status, val(cursor),
                                              limit + 1})
                     : ctx.services.db.query(kListWorkOrders,
                                             {ctx.who().org_id, val(status), val(assignee),
                                              val(customer), val(cursor), from, to, limit + 1,
                                              val(priority), pattern, number});
  std::string body;
  body.reserve(700 * std::min<std::size_t>(rows.rows.size(), std::size_t(limit)) + 64);
  http::JsonWriter w(body);
  w.begin_object();
  w.key("items");
  w.begin_array();
  for (std::size_t i = 0; i < rows.rows.size() && i < std::size_t(limit); ++i)
    write_wo(w, rows.rows[i], ctx.who().role);
  w.end_array();
  w.key("next_cursor");
  if (rows.rows.size() > std::size_t(limit)) w.string(rows.rows[limit - 1].text(0));
  else w.null();
  w.end_object();
  return app::raw_json_response(200, std::move(body));
}

http::Response create_work_order(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"title", "description", "type", "priority", "customer_id", "site_id",
                             "assignee_id", "scheduled_start", "scheduled_end", "due_at",
                             "estimated_hours", "notify_customer"});
  auto f = read_fields(in, body, false);
  const bool notify = f.notify_customer.value_or(true);
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    check_references(conn, in, who.org_id, f);
    in.finish();
    if (f.scheduled_start) refuse_past_start(*f.scheduled_start, notify, identity::now_ms());
    // Per-organization human numbers: WO-1001, WO-1002, ...
    auto n = conn.query(Sql("INSERT INTO org_counters (org_id, name, value) VALUES ($1, "
                            "'work_order', 1001) ON CONFLICT (org_id, name) DO UPDATE SET "
                            "value = org_counters.value + 1 RETURNING value"),
                        {who.org_id});
    const auto now = identity::now_ms();
    const auto status = f.scheduled_start && f.assignee_id ? "scheduled" : "open";
    auto r = conn.query(
        Sql("INSERT INTO work_orders (org_id, number, title, description, type, priority, status, "
            "customer_id, site_id, assignee_id, scheduled_start, scheduled_end, due_at, "
            "estimated_hours, created_by, created_at, updated_at, notify_customer) VALUES ($1, "
            "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17) "
            "RETURNING id"),
        {who.org_id, n.rows.at(0).integer(0), *f.title, f.description.value_or(""),
         f.type.value_or("corrective"), f.priority.value_or("medium"), std::string(status),
         val(f.customer_id), val(f.site_id), val(f.assignee_id), val(f.scheduled_start),
         val(f.scheduled_end), val(f.due_at), val(f.estimated_hours), who.user_id, now,
         std::int64_t{notify ? 1 : 0}});
    const auto id = r.rows.at(0).integer(0);
    conn.query(Sql("INSERT INTO work_order_history (org_id, work_order_id, from_status, "
                   "to_status, actor_id, at) VALUES ($1, $2, NULL, $3, $4, $5)"),
               {who.org_id, id, std::string(status), who.user_id, now});
    auto entry = ctx.audit_entry("work_order.created", "work_order", std::to_string(id));
    entry.fields = f.changed;
    audit::append(conn, entry);
    if (std::string_view(status) == "scheduled")
      messaging::enqueue_for_work_order(conn, who.org_id, id, "confirmation",
                                        "confirmation:" + std::to_string(id) + ":v1", now);
    row = load(conn, who, id);
  });
  return wo_response(201, row, ctx.who().role);
}

http::Response get_work_order(app::RequestContext& ctx) {
  store::Row row;
  ctx.services.db.with_connection(
      [&](store::Connection& conn) { row = load(conn, ctx.who(), ctx.params.integer("id")); });
  return wo_response(200, row, ctx.who().role);
}

http::Response update_work_order(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  if (is_technician(who))
    throw ApiError(ErrorCode::forbidden,
                   "technicians change a work order's status, not its details",
                   "technician_read_only_fields");
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"title", "description", "type", "priority", "customer_id", "site_id",
                             "assignee_id", "scheduled_start", "scheduled_end", "due_at",
                             "estimated_hours", "notify_customer", "version"});
  auto f = read_fields(in, body, true);
  auto version = in.optional_int("version", 1, INT32_MAX);
  if (!version) in.fail("version", "is required (the version you read), so edits do not collide");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    const auto current = load(conn, who, id);  // 404 before validation of references
    check_references(conn, in, who.org_id, f);
    in.finish();
    const auto now = identity::now_ms();
    const bool notify = f.notify_customer.value_or(current.integer(22) != 0);
    // Only a different start is a reschedule (forms send every field).
    const bool rescheduled = f.scheduled_start && (current.is_null(10) ||
                                                   current.integer(10) != *f.scheduled_start);
    if (rescheduled) refuse_past_start(*f.scheduled_start, notify, now);
    auto r = conn.query(
        Sql("UPDATE work_orders SET title = COALESCE($4, title), "
            "description = COALESCE($5, description), type = COALESCE($6, type), "
            "priority = COALESCE($7, priority), customer_id = COALESCE($8, customer_id), "
            "site_id = COALESCE($9, site_id), assignee_id = COALESCE($10, assignee_id), "
            "scheduled_start = COALESCE($11, scheduled_start), "
            "scheduled_end = COALESCE($12, scheduled_end), due_at = COALESCE($13, due_at), "
            "estimated_hours = COALESCE($14, estimated_hours), updated_at = $15, "
            "notify_customer = $16, version = version + 1 "
            "WHERE org_id = $1 AND id = $2 AND version = $3"),
        {who.org_id, id, *version, val(f.title), val(f.description), val(f.type), val(f.priority),
         val(f.customer_id), val(f.site_id), val(f.assignee_id), val(f.scheduled_start),
         val(f.scheduled_end), val(f.due_at), val(f.estimated_hours), now,
         std::int64_t{notify ? 1 : 0}});
    if (r.affected == 0)
      throw ApiError(ErrorCode::conflict, "the work order was changed by someone else; reload it",
                     "version_conflict");
    // A new appointment time for a scheduled visit: the customer is told
    // again, and what they were told before is withdrawn if still unsent.
    // Turning texts off for the work order withdraws them too.
    if (!notify) supersede_visit_texts(ctx, conn, id, "notify_customer_off", now);
    else if (rescheduled && current.text(6) == "scheduled") {
      supersede_visit_texts(ctx, conn, id, "superseded_by_newer_confirmation", now);
      messaging::enqueue_for_work_order(conn, who.org_id, id, "confirmation",
                                        "confirmation:" + std::to_string(id) + ":v" +
                                            std::to_string(*version + 1),
                                        now);
    }
    auto entry = ctx.audit_entry("work_order.updated", "work_order", std::to_string(id));
    entry.fields = f.changed;
    audit::append(conn, entry);
    row = load(conn, who, id);
  });
  return wo_response(200, row, ctx.who().role);
}

http::Response transition_work_order(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"to", "version"});
  auto to_text = in.required_string("to", 20);
  auto version = in.optional_int("version", 1, INT32_MAX);
  if (!version) in.fail("version", "is required (the version you read)");
  auto to = domain::parse_status(to_text);
  if (!to_text.empty() && !to) in.fail("to", "is not a work-order status");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto current = load(conn, who, id);
    in.finish();
    const auto from = domain::parse_status(current.text(6)).value_or(WoStatus::open);
    if (!domain::transition_allowed(from, *to))
      throw ApiError(ErrorCode::conflict,
                     "a work order cannot go from " + std::string(domain::status_name(from)) +
                         " to " + std::string(domain::status_name(*to)),
                     "illegal_transition");
    if (domain::is_reopen(from, *to) && !domain::may_reopen(who.role))
      throw ApiError(ErrorCode::forbidden, "only a dispatcher can reopen a work order",
                     "reopen_needs_dispatcher");
    const auto now = identity::now_ms();
    // Scheduling puts the visit's start in front of the customer.
    if (*to == WoStatus::scheduled && !current.is_null(10))
      refuse_past_start(current.integer(10), current.integer(22) != 0, now);
    auto r = conn.query(
        Sql("UPDATE work_orders SET status = $4, updated_at = $5, version = version + 1, "
            "completed_at = CASE WHEN $4 = 'completed' THEN $5 WHEN $4 = 'open' THEN NULL "
            "ELSE completed_at END WHERE org_id = $1 AND id = $2 AND version = $3"),
        {who.org_id, id, *version, std::string(domain::status_name(*to)), now});
    if (r.affected == 0)
      throw ApiError(ErrorCode::conflict, "the work order was changed by someone else; reload it",
                     "version_conflict");
    conn.query(Sql("INSERT INTO work_order_history (org_id, work_order_id, from_status, "
                   "to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)"),
               {who.org_id, id, std::string(domain::status_name(from)),
                std::string(domain::status_name(*to)), who.user_id, now});
    auto entry = ctx.audit_entry("work_order.status_changed", "work_order", std::to_string(id));
    entry.fields = {"status"};
    audit::append(conn, entry);
    // The customer's text goes out with the change or not at all (outbox).
    const auto cause = std::to_string(id) + ":v" + std::to_string(*version + 1);
    if (*to == WoStatus::scheduled) {
      supersede_visit_texts(ctx, conn, id, "superseded_by_newer_confirmation", now);
      messaging::enqueue_for_work_order(conn, who.org_id, id, "confirmation", "confirmation:" + cause, now);
    } else if (*to == WoStatus::cancelled) {
      supersede_visit_texts(ctx, conn, id, "work_order_cancelled", now);
    } else if (*to == WoStatus::completed)
      messaging::enqueue_for_work_order(conn, who.org_id, id, "completion", "completion:" + cause, now);
    row = load(conn, who, id);
  });
  return wo_response(200, row, ctx.who().role);
}

http::Response work_order_history(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  store::Result rows;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    load(conn, who, id);
    rows = conn.query(Sql("SELECT from_status, to_status, actor_id, at FROM work_order_history "
                          "WHERE org_id = $1 AND work_order_id = $2 ORDER BY id"),
                      {who.org_id, id});
  });
  boost::json::array items;
  for (const auto& r : rows.rows)
    items.push_back({{"from", r.is_null(0) ? boost::json::value(nullptr) : boost::json::value(r.text(0))},
                     {"to", r.text(1)},
                     {"actor_id", int_or_null(r, 2)},
                     {"at", domain::format_rfc3339(r.integer(3))}});
  return app::json_response(200, {{"items", std::move(items)}});
}

}  // namespace bulwark::api
