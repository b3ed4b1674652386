#include "api/work_order_items.hpp"

#include <boost/json.hpp>

#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/timestamps.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
using store::Value;

bool is_technician(const app::Principal& who) { return who.role == security::Role::technician; }

constexpr std::int64_t kMaxUnitCostCents = 100'000'000;

// A part's quantity: a JSON number above 0 and at most a million.
std::optional<double> part_quantity(const boost::json::object& body, http::JsonReader& in,
                                    bool required) {
  auto it = body.find("quantity");
  if (it == body.end()) {
    if (required) in.fail("quantity", "is required and must be a number");
    return std::nullopt;
  }
  if (!it->value().is_number()) {
    in.fail("quantity", "must be a number");
    return std::nullopt;
  }
  const double q = it->value().to_number<double>();
  if (q <= 0 || q > 1e6) {
    in.fail("quantity", "must be more than 0 and at most 1000000");
    return std::nullopt;
  }
  return q;
}

// The work order must exist in the caller's org (and be theirs, for a
// technician); otherwise 404.
void require_work_order(store::Connection& conn, const app::Principal& who, std::int64_t id) {
  auto r = conn.query(Sql("SELECT 1 FROM work_orders WHERE org_id = $1 AND id = $2 AND "
                          "(CAST($3 AS BIGINT) IS NULL OR assignee_id = CAST($3 AS BIGINT))"),
                      {who.org_id, id, is_technician(who) ? Value(who.user_id) : Value(nullptr)});
  if (r.empty()) throw ApiError(ErrorCode::not_found, "no such work order");
}

// Time and parts are what the invoice bills. A change to them takes the
// work order's billing lock, then: no invoice yet, or a draft (whose lines
// are refreshed by `after_billable_change` in the same transaction), goes
// ahead; an invoice past draft (open, paid, refunded, void) refuses it, since
// what it bills is fixed and a change would never be billed.
std::optional<std::int64_t> before_billable_change(store::Connection& conn,
                                                   const app::Principal& who, std::int64_t wo) {
  domain::lock_work_order_for_billing(conn, who.org_id, wo);
  auto invoice = domain::work_order_invoice(conn, who.org_id, wo);
  if (!invoice) return std::nullopt;
  if (invoice->status != "draft" || !domain::lock_draft_invoice(conn, who.org_id, invoice->id))
    throw ApiError(ErrorCode::conflict,
                   "this work order is invoiced; its time and parts can no longer change",
                   "work_order_invoiced");
  return invoice->id;
}

// The draft's lines and total follow the work order; audited as a change
// of the invoice (the change of the work order has its own entry).
void after_billable_change(app::RequestContext& ctx, store::Connection& conn, std::int64_t wo,
                           std::optional<std::int64_t> draft, std::int64_t now) {
  if (!draft) return;
  domain::refresh_draft_invoice(conn, ctx.who().org_id, *draft, wo, now);
  auto entry = ctx.audit_entry("invoice.lines_refreshed", "invoice", std::to_string(*draft));
  entry.fields = {"lines", "total_cents"};
  audit::append(conn, entry);
}

// Existence first (404 whatever the body), then the body's validation.
// `billable` records (time, parts) go through the invoice rule above.
template <typename Fn>
http::Response record(app::RequestContext& ctx, http::JsonReader& in, std::string action,
                      std::vector<std::string> fields, Fn&& insert, bool billable = false) {
  const auto id = ctx.params.integer("id");
  boost::json::object created;
  ctx.services.db.transaction([&](store::Connection& conn) {
    require_work_order(conn, ctx.who(), id);
    in.finish();
    const auto now = identity::now_ms();
    std::optional<std::int64_t> draft;
    if (billable) draft = before_billable_change(conn, ctx.who(), id);
    created = insert(conn, id, now);
    if (billable) after_billable_change(ctx, conn, id, draft, now);
    auto entry = ctx.audit_entry(std::move(action), "work_order", std::to_string(id));
    entry.fields = std::move(fields);
    audit::append(conn, entry);
  });
  return app::json_response(201, created);
}

}  // namespace

http::Response work_order_details(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  boost::json::array comments, checklist, time, parts;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    require_work_order(conn, who, id);
    for (const auto& r : conn.query(Sql("SELECT c.id, c.author_id, u.name, c.body, c.created_at "
                                        "FROM work_order_comments c JOIN users u ON u.id = "
                                        "c.author_id WHERE c.org_id = $1 AND c.work_order_id = $2 "
                                        "ORDER BY c.id"),
                                    {who.org_id, id}).rows)
      comments.push_back({{"id", r.integer(0)}, {"author_id", r.integer(1)},
                          {"author_name", r.text(2)}, {"body", r.text(3)},
                          {"created_at", domain::format_rfc3339(r.integer(4))}});
    for (const auto& r : conn.query(Sql("SELECT id, label, done, done_by, done_at FROM "
                                        "work_order_checklist WHERE org_id = $1 AND "
                                        "work_order_id = $2 ORDER BY id"),
                                    {who.org_id, id}).rows)
      checklist.push_back({{"id", r.integer(0)}, {"label", r.text(1)}, {"done", r.integer(2) != 0},
                           {"done_by", r.is_null(3) ? boost::json::value(nullptr) : boost::json::value(r.integer(3))}});
    for (const auto& r : conn.query(Sql("SELECT id, user_id, minutes, note, created_at FROM "
                                        "work_order_time WHERE org_id = $1 AND work_order_id = $2 "
                                        "ORDER BY id"),
                                    {who.org_id, id}).rows)
      time.push_back({{"id", r.integer(0)}, {"user_id", r.integer(1)}, {"minutes", r.integer(2)},
                      {"note", r.text(3)}, {"created_at", domain::format_rfc3339(r.integer(4))}});
    for (const auto& r : conn.query(Sql("SELECT id, name, quantity, unit_cost_cents, currency FROM "
                                        "work_order_parts WHERE org_id = $1 AND work_order_id = $2 "
                                        "ORDER BY id"),
                                    {who.org_id, id}).rows) {
      boost::json::object part{{"id", r.integer(0)}, {"name", r.text(1)}, {"quantity", r.real(2)}};
      // Technicians never see billing data.
      if (!is_technician(who)) {
        part["unit_cost_cents"] = r.integer(3);
        part["currency"] = r.text(4);
      }
      parts.push_back(std::move(part));
    }
  });
  return app::json_response(200, {{"comments", std::move(comments)},
                                  {"checklist", std::move(checklist)},
                                  {"time_entries", std::move(time)},
                                  {"parts", std::move(parts)}});
}

http::Response add_comment(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"body"});
  auto text = in.required_string("body", 5000);
  return record(ctx, in, "work_order.comment_added", {"body"},
                [&](store::Connection& conn, std::int64_t wo, std::int64_t now) {
                  auto r = conn.query(Sql("INSERT INTO work_order_comments (org_id, work_order_id, "
                                          "author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) "
                                          "RETURNING id"),
                                      {ctx.who().org_id, wo, ctx.who().user_id, text, now});
                  return boost::json::object{{"id", r.rows.at(0).integer(0)}, {"body", text},
                                             {"author_id", ctx.who().user_id}};
                });
}

http::Response add_checklist_item(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"label"});
  auto label = in.required_string("label", 300);
  return record(ctx, in, "work_order.checklist_added", {"label"},
                [&](store::Connection& conn, std::int64_t wo, std::int64_t now) {
                  auto r = conn.query(Sql("INSERT INTO work_order_checklist (org_id, work_order_id, "
                                          "label, created_at) VALUES ($1, $2, $3, $4) RETURNING id"),
                                      {ctx.who().org_id, wo, label, now});
                  return boost::json::object{{"id", r.rows.at(0).integer(0)}, {"label", label},
                                             {"done", false}};
                });
}

http::Response set_checklist_item(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"done"});
  auto done = in.optional_bool("done");
  if (!done) in.fail("done", "is required");
  const auto id = ctx.params.integer("id");
  const auto item = ctx.params.integer("item");
  ctx.services.db.transaction([&](store::Connection& conn) {
    require_work_order(conn, ctx.who(), id);
    in.finish();
    auto r = conn.query(Sql("UPDATE work_order_checklist SET done = $4, done_by = $5, done_at = $6 "
                            "WHERE org_id = $1 AND work_order_id = $2 AND id = $3"),
                        {ctx.who().org_id, id, item, std::int64_t{*done ? 1 : 0},
                         *done ? Value(ctx.who().user_id) : Value(nullptr),
                         *done ? Value(identity::now_ms()) : Value(nullptr)});
    if (r.affected == 0) throw ApiError(ErrorCode::not_found, "no such checklist item");
    auto entry = ctx.audit_entry("work_order.checklist_checked", "work_order", std::to_string(id));
    entry.fields = {"done"};
    audit::append(conn, entry);
  });
  return app::json_response(200, {{"id", item}, {"done", *done}});
}

http::Response add_time_entry(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"minutes", "note"});
  auto minutes = in.optional_int("minutes", 1, 24 * 60);
  if (!minutes && !in.has("minutes")) in.fail("minutes", "is required");
  auto note = in.optional_string("note", 1000).value_or("");
  return record(
      ctx, in, "work_order.time_added", {"minutes", "note"},
      [&](store::Connection& conn, std::int64_t wo, std::int64_t now) {
        auto r = conn.query(Sql("INSERT INTO work_order_time (org_id, work_order_id, "
                                "user_id, minutes, note, created_at) VALUES ($1, $2, $3, "
                                "$4, $5, $6) RETURNING id"),
                            {ctx.who().org_id, wo, ctx.who().user_id, *minutes, note, now});
        return boost::json::object{
            {"id", r.rows.at(0).integer(0)}, {"minutes", *minutes}, {"note", note}};
      },
      /*billable=*/true);
}

http::Response add_part(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  // Technicians record what they used; the office prices it. A price from a
  // technician is refused outright (even 0), not silently dropped, so a
  // client that thinks it set one learns that it did not.
  if (is_technician(ctx.who()) && body.contains("unit_cost_cents"))
    throw ApiError(ErrorCode::forbidden, "technicians record parts; the office prices them",
                   "technician_cannot_price");
  http::JsonReader in(body, {"name", "quantity", "unit_cost_cents"});
  auto name = in.required_string("name", 200);
  auto quantity = part_quantity(body, in, /*required=*/true);
  auto cost = in.optional_int("unit_cost_cents", 0, kMaxUnitCostCents);
  std::vector<std::string> fields{"name", "quantity"};
  if (cost) fields.emplace_back("unit_cost_cents");
  return record(
      ctx, in, "work_order.part_added", std::move(fields),
      [&](store::Connection& conn, std::int64_t wo, std::int64_t now) {
        auto r = conn.query(
            Sql("INSERT INTO work_order_parts (org_id, work_order_id, "
                "name, quantity, unit_cost_cents, added_by, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"),
            {ctx.who().org_id, wo, name, *quantity, cost.value_or(0), ctx.who().user_id, now});
        boost::json::object out{
            {"id", r.rows.at(0).integer(0)}, {"name", name}, {"quantity", *quantity}};
        if (!is_technician(ctx.who())) out["unit_cost_cents"] = cost.value_or(0);
        return out;
      },
      /*billable=*/true);
}

// The office sets or corrects a part's price, name or quantity (the route
// needs invoices.manage, so never a technician) until the work order is
// invoiced; a draft invoice follows.
http::Response update_part(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  const auto part = ctx.params.integer("part");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"name", "quantity", "unit_cost_cents"});
  auto name = in.optional_string("name", 200);
  if (name && name->find_first_not_of(" \t") == std::string::npos)
    in.fail("name", "must not be empty");
  auto quantity = part_quantity(body, in, /*required=*/false);
  auto cost = in.optional_int("unit_cost_cents", 0, kMaxUnitCostCents);
  if (!in.has("name") && !in.has("quantity") && !in.has("unit_cost_cents"))
    in.fail("unit_cost_cents", "send at least one of name, quantity, unit_cost_cents");
  boost::json::object out;
  ctx.services.db.transaction([&](store::Connection& conn) {
    const auto& who = ctx.who();
    require_work_order(conn, who, id);
    auto current = conn.query(Sql("SELECT name, quantity, unit_cost_cents FROM work_order_parts "
                                  "WHERE org_id = $1 AND work_order_id = $2 AND id = $3"),
                              {who.org_id, id, part});
    if (current.empty()) throw ApiError(ErrorCode::not_found, "no such part");
    in.finish();
    const auto& row = current.rows[0];
    std::vector<std::string> changed;
    if (name && *name != row.text(0)) changed.emplace_back("name");
    if (quantity && *quantity != row.real(1)) changed.emplace_back("quantity");
    if (cost && *cost != row.integer(2)) changed.emplace_back("unit_cost_cents");
    const auto now = identity::now_ms();
    // Refused once invoiced even when nothing changes: the answer does not
    // depend on whether the office happened to send the same price.
    const auto draft = before_billable_change(conn, who, id);
    if (!changed.empty()) {
      auto opt = [](const auto& v) { return v ? Value(*v) : Value(nullptr); };
      conn.query(Sql("UPDATE work_order_parts SET name = COALESCE($4, name), "
                     "quantity = COALESCE($5, quantity), "
                     "unit_cost_cents = COALESCE($6, unit_cost_cents) "
                     "WHERE org_id = $1 AND work_order_id = $2 AND id = $3"),
                 {who.org_id, id, part, opt(name), opt(quantity), opt(cost)});
      after_billable_change(ctx, conn, id, draft, now);
      auto entry = ctx.audit_entry("work_order.part_updated", "work_order", std::to_string(id));
      entry.fields = std::move(changed);
      audit::append(conn, entry);
    }
    auto r =
        conn.query(Sql("SELECT id, name, quantity, unit_cost_cents, currency FROM "
                       "work_order_parts WHERE org_id = $1 AND work_order_id = $2 AND id = $3"),
                   {who.org_id, id, part})
            .rows.at(0);
    out = {{"id", r.integer(0)},
           {"name", r.text(1)},
           {"quantity", r.real(2)},
           {"unit_cost_cents", r.integer(3)},
           {"currency", r.text(4)}};
  });
  return app::json_response(200, out);
}

http::Response my_day(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto now = identity::now_ms();
  constexpr std::int64_t kDay = 86'400'000;
  const auto day_start = now - now % kDay;  // UTC day; per-org time zones are not modelled yet
  auto rows = ctx.services.db.query(
      Sql("SELECT w.id, w.number, w.title, w.status, w.priority, w.scheduled_start, "
          "w.scheduled_end, c.name, s.address FROM work_orders w "
          "LEFT JOIN customers c ON c.id = w.customer_id AND c.org_id = w.org_id "
          "LEFT JOIN sites s ON s.id = w.site_id AND s.org_id = w.org_id "
          "WHERE w.org_id = $1 AND w.assignee_id = $2 AND w.scheduled_start >= $3 "
          "AND w.scheduled_start < $4 AND w.status NOT IN ('cancelled', 'closed') "
          "ORDER BY w.scheduled_start, w.id LIMIT 100"),
      {who.org_id, who.user_id, day_start, day_start + kDay});
  boost::json::array items;
  for (const auto& r : rows.rows)
    items.push_back({{"id", r.integer(0)},
                     {"number", "WO-" + r.text(1)},
                     {"title", r.text(2)},
                     {"status", r.text(3)},
                     {"priority", r.text(4)},
                     {"scheduled_start", domain::format_rfc3339(r.integer(5))},
                     {"scheduled_end", r.is_null(6) ? boost::json::value(nullptr)
                                                    : boost::json::value(domain::format_rfc3339(r.integer(6)))},
                     {"customer_name", r.is_null(7) ? boost::json::value(nullptr) : boost::json::value(r.text(7))},
                     {"site_address", r.is_null(8) ? boost::json::value(nullptr) : boost::json::value(r.text(8))}});
  return app::json_response(200, {{"date", domain::format_rfc3339(day_start).substr(0, 10)},
                                  {"items", std::move(items)}});
}

}  // namespace bulwark::api
