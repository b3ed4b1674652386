#include "api/invoice_handlers.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "api/query_params.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/payment_ledger.hpp"
#include "domain/timestamps.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "jobs/stripe_jobs.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
using store::Value;

constexpr Sql kSelectInvoice(
    "SELECT id, number, work_order_id, customer_id, status, currency, total_cents, created_at, "
    "updated_at, paid_at, version FROM invoices WHERE org_id = $1 AND id = $2");

boost::json::object invoice_view(const store::Row& r) {
  return {{"id", r.integer(0)},
          {"number", "INV-" + r.text(1)},
          {"work_order_id", r.integer(2)},
          {"customer_id", r.is_null(3) ? boost::json::value(nullptr) : boost::json::value(r.integer(3))},
          {"status", r.text(4)},
          {"currency", r.text(5)},
          {"total_cents", r.integer(6)},
          {"created_at", domain::format_rfc3339(r.integer(7))},
          {"updated_at", domain::format_rfc3339(r.integer(8))},
          {"paid_at", r.is_null(9) ? boost::json::value(nullptr)
                                   : boost::json::value(domain::format_rfc3339(r.integer(9)))},
          {"version", r.integer(10)}};
}

bool invoice_transition_allowed(std::string_view from, std::string_view to) {
  return (from == "draft" && (to == "open" || to == "void")) ||
         (from == "open" && (to == "paid" || to == "void")) || (from == "paid" && to == "refunded");
}

store::Row load_invoice(store::Connection& conn, std::int64_t org, std::int64_t id) {
  auto r = conn.query(kSelectInvoice, {org, id});
  if (r.empty()) throw ApiError(ErrorCode::not_found, "no such invoice");
  return r.rows[0];
}

http::Response invoice_response(app::RequestContext& ctx, std::int64_t id, int status) {
  boost::json::object view;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    view = invoice_view(load_invoice(conn, ctx.who().org_id, id));
    boost::json::array lines;
    for (const auto& l : conn.query(Sql("SELECT description, quantity, unit_cents, amount_cents "
                                        "FROM invoice_lines WHERE org_id = $1 AND invoice_id = $2 "
                                        "ORDER BY id"),
                                    {ctx.who().org_id, id}).rows)
      lines.push_back({{"description", l.text(0)}, {"quantity", l.real(1)},
                       {"unit_cents", l.integer(2)}, {"amount_cents", l.integer(3)}});
    view["lines"] = std::move(lines);
    const auto org = ctx.who().org_id;
    // Only an open invoice shows its link: a void or paid one takes no money.
    auto session = view["status"] == "open"
                       ? domain::find_checkout_session(conn, org, id, std::nullopt)
                       : std::nullopt;
    view["payment_link"] = session && session->status == "active"
                               ? boost::json::value(session->url)
                               : boost::json::value(nullptr);
    const auto state = domain::payment_state(conn, org, id, view["total_cents"].as_int64());
    view["payment_state"] = state.state;
    view["paid_cents"] = state.paid_cents;
    view["refunded_cents"] = state.refunded_cents;
    view["balance_cents"] = state.balance_cents;
    view["payments"] = domain::ledger_view(conn, org, id);
    view["mismatches"] = domain::mismatches_view(conn, org, id);
  });
  return app::json_response(status, view);
}

// What a status change set by the office means beyond the status, in its
// transaction. Void: the invoice's Checkout Sessions are expired at Stripe
// (through the jobs outbox, with retries) and the previous release's link
// row goes, so no instance hands the link out again. Paid / refunded by
// hand: the ledger records the money the office says moved.
void record_status_consequences(app::RequestContext& ctx, store::Connection& conn,
                                const store::Row& invoice, std::string_view to, std::int64_t now) {
  const auto org = ctx.who().org_id;
  const auto id = invoice.integer(0);
  if (to == "void") {
    for (const auto& session : domain::active_checkout_sessions(conn, org, id))
      jobs::enqueue_session_expiry(conn, org, id, session);
    conn.query(Sql("DELETE FROM invoice_payments WHERE org_id = $1 AND invoice_id = $2"),
               {org, id});
    return;
  }
  if (to != "paid" && to != "refunded") return;
  const auto state = domain::payment_state(conn, org, id, invoice.integer(6));
  const auto amount = to == "paid" ? state.balance_cents : state.paid_cents - state.refunded_cents;
  if (amount <= 0) return;
  domain::LedgerEntry e;
  e.org_id = org;
  e.invoice_id = id;
  e.kind = to == "paid" ? "charge" : "refund";
  e.amount_cents = amount;
  e.currency = invoice.text(5);
  e.source = "manual";
  e.recorded_by = ctx.who().user_id;
  e.at = now;
  domain::record_ledger_entry(conn, e);
}

}  // namespace

http::Response create_invoice(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto wo = ctx.params.integer("id");
  std::int64_t invoice_id = 0;
  ctx.services.db.transaction([&](store::Connection& conn) {
    // Concurrent requests for one work order queue here: the first creates
    // the invoice, the others then see it and answer 409 (never a 500).
    if (!domain::lock_work_order_for_billing(conn, who.org_id, wo))
      throw ApiError(ErrorCode::not_found, "no such work order");
    auto w = conn.query(Sql("SELECT status, customer_id, number FROM work_orders WHERE org_id = $1 "
                            "AND id = $2"),
                        {who.org_id, wo});
    if (w.empty()) throw ApiError(ErrorCode::not_found, "no such work order");
    const auto& status = w.rows[0].text(0);
    if (status != "completed" && status != "closed")
      throw ApiError(ErrorCode::conflict, "only a completed work order can be invoiced",
                     "work_order_not_completed");
    if (!conn.query(Sql("SELECT 1 FROM invoices WHERE org_id = $1 AND work_order_id = $2"),
                    {who.org_id, wo})
             .empty())
      throw ApiError(ErrorCode::conflict, "this work order already has an invoice",
                     "already_invoiced");
    const auto lines = domain::work_order_invoice_lines(conn, who.org_id, wo);
    const auto total = domain::invoice_total(lines);
    auto n = conn.query(Sql("INSERT INTO org_counters (org_id, name, value) VALUES ($1, "
                            "'invoice', 1001) ON CONFLICT (org_id, name) DO UPDATE SET "
                            "value = org_counters.value + 1 RETURNING value"),
                        {who.org_id});
    const auto now = identity::now_ms();
    auto inv = conn.query(Sql("INSERT INTO invoices (org_id, number, work_order_id, customer_id, "
                              "status, total_cents, created_at, updated_at) VALUES ($1, $2, $3, "
                              "$4, 'draft', $5, $6, $6) RETURNING id"),
                          {who.org_id, n.rows.at(0).integer(0), wo,
                           w.rows[0].is_null(1) ? Value(nullptr) : Value(w.rows[0].integer(1)),
                           total, now});
    invoice_id = inv.rows.at(0).integer(0);
    domain::insert_invoice_lines(conn, who.org_id, invoice_id, lines);
    auto entry = ctx.audit_entry("invoice.created", "invoice", std::to_string(invoice_id));
    entry.fields = {"work_order_id", "total_cents"};
    audit::append(conn, entry);
  });
  return invoice_response(ctx, invoice_id, 201);
}

http::Response get_invoice(app::RequestContext& ctx) {
  return invoice_response(ctx, ctx.params.integer("id"), 200);
}

http::Response list_invoices(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "limit", "cursor"});
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  const auto status = q.text("status", 20);
  auto rows = ctx.services.db.query(
      Sql("SELECT id, number, work_order_id, customer_id, status, currency, total_cents, "
          "created_at, updated_at, paid_at, version FROM invoices WHERE org_id = $1 "
          "AND (CAST($2 AS TEXT) IS NULL OR status = CAST($2 AS TEXT)) "
          "AND (CAST($3 AS BIGINT) IS NULL OR id < CAST($3 AS BIGINT)) ORDER BY id DESC LIMIT $4"),
      {ctx.who().org_id, status ? Value(*status) : Value(nullptr),
       q.integer("cursor", 1, INT64_MAX) ? Value(*q.integer("cursor", 1, INT64_MAX)) : Value(nullptr),
       limit + 1});
  boost::json::array items;
  for (std::size_t i = 0; i < rows.rows.size() && i < std::size_t(limit); ++i)
    items.push_back(invoice_view(rows.rows[i]));
  boost::json::value next = nullptr;
  if (rows.rows.size() > std::size_t(limit)) next = rows.rows[limit - 1].text(0);
  return app::json_response(200, {{"items", std::move(items)}, {"next_cursor", next}});
}

http::Response set_invoice_status(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"to", "version"});
  auto to = in.required_string("to", 20);
  auto version = in.optional_int("version", 1, INT32_MAX);
  if (!version) in.fail("version", "is required (the version you read)");
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto current = load_invoice(conn, ctx.who().org_id, id);
    in.finish();
    if (!invoice_transition_allowed(current.text(4), to))
      throw ApiError(ErrorCode::conflict,
                     "an invoice cannot go from " + current.text(4) + " to " + to,
                     "illegal_transition");
    const auto now = identity::now_ms();
    auto r = conn.query(Sql("UPDATE invoices SET status = $4, updated_at = $5, "
                            "paid_at = CASE WHEN $4 = 'paid' THEN $5 ELSE paid_at END, "
                            "version = version + 1 WHERE org_id = $1 AND id = $2 AND version = $3"),
                        {ctx.who().org_id, id, *version, to, now});
    if (r.affected == 0)
      throw ApiError(ErrorCode::conflict, "the invoice was changed by someone else; reload it",
                     "version_conflict");
    auto entry = ctx.audit_entry("invoice.status_changed", "invoice", std::to_string(id));
    entry.fields = {"status"};
    audit::append(conn, entry);
    record_status_consequences(ctx, conn, current, to, now);
  });
  return invoice_response(ctx, id, 200);
}

http::Response business_metrics(app::RequestContext& ctx) {
  const auto org = ctx.who().org_id;
  const auto now = identity::now_ms();
  constexpr std::int64_t kDay = 86'400'000, kWeek = 7 * kDay;
  boost::json::object by_status, by_priority;
  std::int64_t overdue = 0;
  double mean_hours = 0;
  std::int64_t completed_count = 0;
  std::vector<std::int64_t> weeks(12, 0);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> months;  // invoiced, paid
  ctx.services.db.with_connection([&](store::Connection& conn) {
    for (const auto& r : conn.query(Sql("SELECT status, priority, COUNT(*) FROM work_orders WHERE "
                                        "org_id = $1 AND status NOT IN ('completed', 'closed', "
                                        "'cancelled') GROUP BY status, priority"),
                                    {org}).rows) {
      auto& s = by_status[r.text(0)];
      s = (s.is_int64() ? s.as_int64() : 0) + r.integer(2);
      auto& p = by_priority[r.text(1)];
      p = (p.is_int64() ? p.as_int64() : 0) + r.integer(2);
    }
    overdue = conn.query(Sql("SELECT COUNT(*) FROM work_orders WHERE org_id = $1 AND due_at < $2 "
                             "AND status NOT IN ('completed', 'closed', 'cancelled')"),
                         {org, now}).rows.at(0).integer(0);
    // Completion times over the last 12 weeks, bucketed here so the SQL stays portable.
    for (const auto& r : conn.query(Sql("SELECT created_at, completed_at FROM work_orders WHERE "
                                        "org_id = $1 AND completed_at IS NOT NULL AND "
                                        "completed_at >= $2"),
                                    {org, now - 12 * kWeek}).rows) {
      const auto done = r.integer(1);
      mean_hours += static_cast<double>(done - r.integer(0)) / 3'600'000.0;
      ++completed_count;
      const auto week = (now - done) / kWeek;
      if (week >= 0 && week < 12) ++weeks[11 - week];
    }
    for (const auto& r : conn.query(Sql("SELECT created_at, total_cents, status, paid_at FROM "
                                        "invoices WHERE org_id = $1 AND created_at >= $2 AND "
                                        "status <> 'void'"),
                                    {org, now - 366 * kDay}).rows) {
      months[domain::format_rfc3339(r.integer(0)).substr(0, 7)].first += r.integer(1);
      if (!r.is_null(3))
        months[domain::format_rfc3339(r.integer(3)).substr(0, 7)].second += r.integer(1);
    }
  });
  boost::json::array completed_per_week, money;
  for (int i = 0; i < 12; ++i)
    completed_per_week.push_back({{"week_start", domain::format_rfc3339(now - (12 - i) * kWeek).substr(0, 10)},
                                  {"completed", weeks[i]}});
  for (const auto& [month, amounts] : months)
    money.push_back({{"month", month}, {"invoiced_cents", amounts.first},
                     {"paid_cents", amounts.second}});
  return app::json_response(
      200, {{"open_by_status", std::move(by_status)},
            {"open_by_priority", std::move(by_priority)},
            {"overdue", overdue},
            {"mean_hours_to_complete",
             completed_count ? boost::json::value(std::round(mean_hours / completed_count * 10) / 10)
                             : boost::json::value(nullptr)},
            {"completed_per_week", std::move(completed_per_week)},
            {"invoiced_and_paid_per_month", std::move(money)}});
}

}  // namespace bulwark::api
