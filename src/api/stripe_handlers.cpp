#include "api/stripe_handlers.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <fmt/format.h>

#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/payment_ledger.hpp"
#include "http/json_body.hpp"
#include "identity/clock.hpp"
#include "jobs/stripe_jobs.hpp"
#include "logging/log.hpp"
#include "messaging/outbox.hpp"
#include "net/http_client.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
using store::Value;
namespace json = boost::json;

const json::object* object_at(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}
std::optional<std::string> string_at(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().size() > 255) return std::nullopt;
  return std::string(v->as_string());
}
std::optional<std::int64_t> id_in_metadata(const json::object& metadata, std::string_view key) {
  auto text = string_at(metadata, key);
  if (!text || text->empty() || text->size() > 18) return std::nullopt;
  std::int64_t out = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

struct InvoiceRef {
  std::int64_t org_id = 0;
  std::int64_t invoice_id = 0;
};

// From our metadata, or (refunds) from the payment intent we recorded.
std::optional<InvoiceRef> invoice_of(store::Connection& conn, const json::object& object) {
  if (const auto* metadata = object_at(object, "metadata")) {
    auto org = id_in_metadata(*metadata, "org_id");
    auto invoice = id_in_metadata(*metadata, "invoice_id");
    if (org && invoice) return InvoiceRef{*org, *invoice};
  }
  if (auto intent = string_at(object, "payment_intent")) {
    auto r = conn.query(Sql("SELECT org_id, id FROM invoices WHERE payment_intent_id = $1"),
                        {*intent});
    if (!r.empty()) return InvoiceRef{r.rows[0].integer(0), r.rows[0].integer(1)};
  }
  return std::nullopt;
}

audit::Entry webhook_entry(const app::RequestContext& ctx, const InvoiceRef& ref,
                           std::string action, std::string outcome = "success") {
  auto e = ctx.webhook_audit_entry(ref.org_id, std::move(action), "invoice",
                                   std::to_string(ref.invoice_id));
  e.outcome = std::move(outcome);
  return e;
}

std::optional<std::int64_t> amount_at(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (v && v->is_int64() && v->as_int64() >= 0) return v->as_int64();
  if (v && v->is_uint64() && v->as_uint64() <= INT64_MAX) return std::int64_t(v->as_uint64());
  return std::nullopt;
}

struct InvoiceNow {
  std::string status;
  std::int64_t total_cents = 0;
  std::string currency;
  std::int64_t version = 0;
};

InvoiceNow invoice_now(store::Connection& conn, const InvoiceRef& ref) {
  auto r = conn.query(Sql("SELECT status, total_cents, currency, version FROM invoices WHERE "
                          "org_id = $1 AND id = $2"),
                      {ref.org_id, ref.invoice_id});
  const auto& row = r.rows.at(0);
  return {row.text(0), row.integer(1), row.text(2), row.integer(3)};
}

// What one Stripe event says was paid.
struct Payment {
  std::string event_id, event_type;
  std::optional<std::string> session_id, intent;
  std::optional<std::int64_t> amount_cents;
  std::optional<std::string> currency;
};

// Moves the invoice to the state its ledger says: open -> paid once the
// money covers the total, paid -> refunded once everything went back. A
// partial refund leaves it paid (the view says partially_refunded).
void settle(app::RequestContext& ctx, store::Connection& conn, const InvoiceRef& ref) {
  const auto inv = invoice_now(conn, ref);
  const auto state = domain::payment_state(conn, ref.org_id, ref.invoice_id, inv.total_cents);
  std::string to;
  if (inv.status == "open" && state.paid_cents - state.refunded_cents >= inv.total_cents)
    to = "paid";
  else if (inv.status == "paid" && state.state == "refunded")
    to = "refunded";
  if (to.empty()) return;
  const auto now = identity::now_ms();
  conn.query(Sql("UPDATE invoices SET status = $3, updated_at = $4, version = version + 1, "
                 "paid_at = CASE WHEN $3 = 'paid' THEN $4 ELSE paid_at END "
                 "WHERE org_id = $1 AND id = $2 AND status = $5"),
             {ref.org_id, ref.invoice_id, to, now, inv.status});
  auto entry = webhook_entry(ctx, ref, "invoice.status_changed");
  entry.fields = {"status"};
  audit::append(conn, entry);
}

// The audit log keeps field names, not values; amounts are not personal
// data, so a mismatch names them as name=value items the office can read.
void note_mismatch(app::RequestContext& ctx, store::Connection& conn, const InvoiceRef& ref,
                   const domain::PaymentMismatch& m) {
  if (!domain::record_mismatch(conn, m)) return;
  auto entry = webhook_entry(ctx, ref, "payment.mismatch", "failure");
  entry.fields = {"kind=" + m.kind, "event=" + m.event_type};
  if (m.expected_cents) entry.fields.push_back(fmt::format("expected_cents={}", *m.expected_cents));
  if (m.received_cents) entry.fields.push_back(fmt::format("received_cents={}", *m.received_cents));
  if (m.expected_currency) entry.fields.push_back("expected_currency=" + *m.expected_currency);
  if (m.currency) entry.fields.push_back("currency=" + *m.currency);
  if (m.needs_refund) entry.fields.push_back("needs_refund");
  audit::append(conn, entry);
}

bool is_currency(const std::optional<std::string>& c) {
  if (!c || c->size() != 3) return false;
  return std::all_of(c->begin(), c->end(), [](char x) { return std::isalpha(static_cast<unsigned char>(x)); });
}

// Money arrived: it counts only when it is exactly what the invoice's open
// Checkout Session asked for. Anything else is a mismatch for the office.
void apply_payment(app::RequestContext& ctx, store::Connection& conn, const InvoiceRef& ref,
                   const Payment& p) {
  // One payment is reported by several events (checkout.session.completed,
  // payment_intent.succeeded, async_payment_succeeded): it counts once.
  if (!conn.query(Sql("SELECT 1 FROM payment_ledger WHERE org_id = $1 AND invoice_id = $2 AND "
                      "kind = 'charge' AND ((CAST($3 AS TEXT) IS NOT NULL AND "
                      "payment_intent_id = CAST($3 AS TEXT)) OR (CAST($3 AS TEXT) IS NULL AND "
                      "checkout_session_id = CAST($4 AS TEXT)))"),
                  {ref.org_id, ref.invoice_id, p.intent ? Value(*p.intent) : Value(nullptr),
                   p.session_id ? Value(*p.session_id) : Value(nullptr)})
           .empty())
    return;
  const auto inv = invoice_now(conn, ref);
  const auto session = domain::find_checkout_session(conn, ref.org_id, ref.invoice_id, p.session_id);
  const auto now = identity::now_ms();
  domain::PaymentMismatch m{ref.org_id, ref.invoice_id, "", session ? session->amount_cents
                                                                    : inv.total_cents,
                            p.amount_cents, session ? session->currency : inv.currency,
                            p.currency, inv.status, false, p.event_type, p.event_id,
                            p.session_id, p.intent, now};
  if (inv.status != "open") {
    m.kind = "invoice_not_open";
    m.needs_refund = inv.status == "void" || inv.status == "paid" || inv.status == "refunded";
  } else if (!session) {
    m.kind = "no_checkout_session";
  } else if (!p.amount_cents) {
    m.kind = "amount_missing";
  } else if (!is_currency(p.currency) || !domain::same_currency(*p.currency, session->currency)) {
    m.kind = "currency_mismatch";
  } else if (*p.amount_cents != session->amount_cents) {
    m.kind = "amount_mismatch";
  } else if (session->invoice_version != inv.version || session->amount_cents != inv.total_cents ||
             !domain::same_currency(session->currency, inv.currency)) {
    m.kind = "stale_checkout_session";  // asked for an earlier version of the invoice
  }
  if (!m.kind.empty()) {
    note_mismatch(ctx, conn, ref, m);
    return;
  }
  domain::LedgerEntry charge{ref.org_id, ref.invoice_id, "charge", *p.amount_cents,
                             inv.currency, "stripe", p.intent ? p.intent : p.session_id,
                             p.intent, std::nullopt, std::nullopt, p.event_id,
                             session->session_id, std::nullopt, now};
  if (!domain::record_ledger_entry(conn, charge)) return;
  conn.query(Sql("UPDATE checkout_sessions SET status = 'completed' WHERE org_id = $1 AND "
                 "session_id = $2"),
             {ref.org_id, session->session_id});
  // The previous release finds a refund's invoice by this column.
  if (p.intent)
    conn.query(Sql("UPDATE invoices SET payment_intent_id = $3 WHERE org_id = $1 AND id = $2"),
               {ref.org_id, ref.invoice_id, *p.intent});
  auto entry = webhook_entry(ctx, ref, "payment.recorded");
  entry.fields = {"kind=charge", fmt::format("amount_cents={}", *p.amount_cents),
                  "currency=" + inv.currency};
  audit::append(conn, entry);
  settle(ctx, conn, ref);
}

// charge.refunded: `amount_refunded` is the charge's cumulative refunded
// amount; `refunds` (when Stripe includes it) lists the refunds. Each refund
// is recorded once by its id, and whatever the cumulative amount says beyond
// the refunds we know is recorded once under that cumulative amount, so the
// ledger's refunds of a charge always sum to what Stripe says.
void apply_refund(app::RequestContext& ctx, store::Connection& conn, const InvoiceRef& ref,
                  const json::object& charge, const std::string& event_id) {
  const auto charge_id = string_at(charge, "id");
  const auto intent = string_at(charge, "payment_intent");
  const auto currency = string_at(charge, "currency");
  const auto cumulative = amount_at(charge, "amount_refunded");
  const auto inv = invoice_now(conn, ref);
  const auto state = domain::payment_state(conn, ref.org_id, ref.invoice_id, inv.total_cents);
  const auto now = identity::now_ms();
  domain::PaymentMismatch m{ref.org_id, ref.invoice_id, "", state.paid_cents, cumulative,
                            inv.currency, currency, inv.status, false, "charge.refunded",
                            event_id, std::nullopt, intent, now};
  if (!charge_id || state.paid_cents == 0) m.kind = "refund_without_payment";
  else if (!is_currency(currency) || !domain::same_currency(*currency, inv.currency))
    m.kind = "currency_mismatch";
  if (!m.kind.empty()) {
    note_mismatch(ctx, conn, ref, m);
    return;
  }
  auto recorded = [&] {
    return conn.query(Sql("SELECT COALESCE(SUM(amount_cents), 0) FROM payment_ledger WHERE "
                          "org_id = $1 AND kind = 'refund' AND charge_id = $2"),
                      {ref.org_id, *charge_id})
        .rows.at(0)
        .integer(0);
  };
  std::int64_t so_far = recorded();
  std::int64_t added = 0;
  auto record = [&](std::int64_t amount, std::string external, std::optional<std::string> refund) {
    domain::LedgerEntry e{ref.org_id, ref.invoice_id, "refund", amount, inv.currency, "stripe",
                          std::move(external), intent, charge_id, std::move(refund), event_id,
                          std::nullopt, std::nullopt, now};
    if (domain::record_ledger_entry(conn, e)) {
      so_far += amount;
      added += amount;
    }
  };
  const json::object* list = object_at(charge, "refunds");
  const json::value* data = list ? list->if_contains("data") : nullptr;
  if (data && data->is_array()) {
    for (const auto& item : data->as_array()) {
      if (!item.is_object()) continue;
      const auto& refund = item.as_object();
      const auto id = string_at(refund, "id");
      const auto amount = amount_at(refund, "amount");
      const auto status = string_at(refund, "status").value_or("succeeded");
      if (!id || !amount || *amount == 0 || status == "failed" || status == "canceled") continue;
      if (cumulative && so_far + *amount > *cumulative) continue;
      record(*amount, *id, *id);
    }
  }
  if (cumulative && *cumulative > so_far)
    record(*cumulative - so_far, fmt::format("{}:refunded:{}", *charge_id, *cumulative),
           std::nullopt);
  if (added == 0) return;  // a repeat, or nothing new
  auto entry = webhook_entry(ctx, ref, "payment.recorded");
  entry.fields = {"kind=refund", fmt::format("amount_cents={}", added), "currency=" + inv.currency};
  audit::append(conn, entry);
  settle(ctx, conn, ref);
}

}  // namespace

http::Response stripe_webhook(app::RequestContext& ctx) {
  // Only now, after the signature held, is the body parsed.
  const auto event = http::parse_json_object_body(ctx.request);
  const auto id = string_at(event, "id");
  const auto type = string_at(event, "type");
  const auto* data = object_at(event, "data");
  const auto* object = data ? object_at(*data, "object") : nullptr;
  if (!id || id->empty() || !type || !object)
    throw ApiError(ErrorCode::validation_failed, "not a Stripe event", "invalid_event",
                   {{"id", "an event needs id, type and data.object"}});
  bool duplicate = false;
  ctx.services.db.transaction([&](store::Connection& conn) {
    if (conn.query(Sql("INSERT INTO webhook_events (provider, event_id, received_at) VALUES "
                       "('stripe', $1, $2) ON CONFLICT (provider, event_id) DO NOTHING RETURNING 1"),
                   {*id, identity::now_ms()})
            .empty()) {
      duplicate = true;
      return;
    }
    const bool session_event = *type == "checkout.session.completed" ||
                               *type == "checkout.session.async_payment_succeeded" ||
                               *type == "checkout.session.async_payment_failed";
    const bool handled = session_event || *type == "payment_intent.succeeded" ||
                         *type == "charge.refunded" || *type == "payment_intent.payment_failed";
    if (!handled) return;
    auto ref = invoice_of(conn, *object);
    if (!ref) return;
    // The invoice must exist in the org the metadata names.
    if (conn.query(Sql("SELECT 1 FROM invoices WHERE org_id = $1 AND id = $2"),
                   {ref->org_id, ref->invoice_id})
            .empty())
      return;
    if (*type == "checkout.session.completed" || *type == "checkout.session.async_payment_succeeded") {
      Payment p{*id, *type, string_at(*object, "id"), string_at(*object, "payment_intent"),
                amount_at(*object, "amount_total"), string_at(*object, "currency")};
      // Delayed methods complete the session `unpaid`; the money is there
      // only with async_payment_succeeded. Only an explicit `paid` counts.
      if (string_at(*object, "payment_status") != std::optional<std::string>("paid")) {
        const auto inv = invoice_now(conn, *ref);
        note_mismatch(ctx, conn, *ref,
                      {ref->org_id, ref->invoice_id, "payment_not_completed", std::nullopt,
                       p.amount_cents, inv.currency, p.currency, inv.status, false, *type, *id,
                       p.session_id, p.intent, identity::now_ms()});
        return;
      }
      apply_payment(ctx, conn, *ref, p);
    } else if (*type == "payment_intent.succeeded") {
      apply_payment(ctx, conn, *ref,
                    {*id, *type, std::nullopt, string_at(*object, "id"),
                     amount_at(*object, "amount_received"), string_at(*object, "currency")});
    } else if (*type == "charge.refunded") {
      apply_refund(ctx, conn, *ref, *object, *id);
    } else {
      audit::append(conn, webhook_entry(ctx, *ref, "invoice.payment_failed", "failure"));
    }
  });
  return app::json_response(200, {{"received", true}, {"duplicate", duplicate}});
}

http::Response create_payment_link(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  const auto& config = ctx.services.config;
  std::int64_t total = 0, number = 0, version = 0;
  std::string currency;
  std::optional<std::int64_t> work_order;
  std::optional<json::object> existing;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    auto r = conn.query(Sql("SELECT status, total_cents, currency, number, version, work_order_id "
                            "FROM invoices WHERE org_id = $1 AND id = $2"),
                        {who.org_id, id});
    if (r.empty()) throw ApiError(ErrorCode::not_found, "no such invoice");
    // A void or paid invoice hands out no link, not even the one it had.
    if (r.rows[0].text(0) != "open")
      throw ApiError(ErrorCode::conflict, "only an open invoice can be paid online",
                     "invoice_not_open");
    total = r.rows[0].integer(1);
    currency = r.rows[0].text(2);
    number = r.rows[0].integer(3);
    version = r.rows[0].integer(4);
    work_order = r.rows[0].integer(5);
    auto session = domain::find_checkout_session(conn, who.org_id, id, std::nullopt);
    if (session && session->status == "active" && session->invoice_version == version &&
        session->amount_cents == total)
      existing = json::object{{"url", session->url}, {"checkout_session_id", session->session_id}};
  });
  if (existing) return app::json_response(200, *existing);
  if (!config.stripe_configured())
    throw ApiError(ErrorCode::conflict, "online payment is not configured (BULWARK_STRIPE_API_KEY)",
                   "payments_not_configured");
  std::string base = config.public_url;
  while (base.ends_with('/')) base.pop_back();
  const auto org = std::to_string(who.org_id);
  const auto invoice = std::to_string(id);
  std::string lower_currency = currency;
  for (auto& c : lower_currency) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  net::PostRequest request{
      .url = config.stripe_api_base + "/v1/checkout/sessions",
      .form = {{"mode", "payment"},
               {"client_reference_id", "invoice-" + invoice},
               {"success_url", base + "/invoices/" + invoice + "?paid=1"},
               {"cancel_url", base + "/invoices/" + invoice},
               {"line_items[0][quantity]", "1"},
               {"line_items[0][price_data][currency]", lower_currency},
               {"line_items[0][price_data][unit_amount]", std::to_string(total)},
               {"line_items[0][price_data][product_data][name]", "Invoice INV-" + std::to_string(number)},
               {"metadata[org_id]", org},
               {"metadata[invoice_id]", invoice},
               {"payment_intent_data[metadata][org_id]", org},
               {"payment_intent_data[metadata][invoice_id]", invoice}},
      // One session per invoice version, however often this is called.
      .headers = {fmt::format("Idempotency-Key: bulwark-invoice-{}-{}-v{}", who.org_id, id, version)},
      .basic_user = {},
      .basic_password = {},
      .bearer_token = config.stripe_api_key.reveal(),
      .timeout = std::chrono::seconds(15),
  };
  const auto result = net::post_form(request);
  std::optional<std::string> session_id, url;
  if (result.status >= 200 && result.status < 300) {
    boost::system::error_code ec;
    auto parsed = json::parse(result.body, ec);
    if (!ec && parsed.is_object()) {
      session_id = string_at(parsed.as_object(), "id");
      url = string_at(parsed.as_object(), "url");
    }
  }
  if (!session_id || !url || !url->starts_with("https://")) {
    logging::warn("stripe checkout session failed",
                  {{logging::Field::status, std::int64_t{result.status}},
                   {logging::Field::request_id, ctx.request.request_id}});
    throw ApiError(ErrorCode::service_unavailable,
                   "the payment provider did not create a payment link; try again");
  }
  bool invoice_moved = false;
  ctx.services.db.transaction([&](store::Connection& conn) {
    const auto now = identity::now_ms();
    // Locks the invoice row: a void committing meanwhile either sees this
    // session (and expires it) or made the invoice change under us.
    if (conn.query(Sql("UPDATE invoices SET version = version WHERE org_id = $1 AND id = $2 AND "
                       "status = 'open' AND version = $3"),
                   {who.org_id, id, version})
            .affected == 0) {
      invoice_moved = true;
      jobs::enqueue_session_expiry(conn, who.org_id, id, *session_id);
      return;
    }
    auto inserted = conn.query(
        Sql("INSERT INTO checkout_sessions (org_id, invoice_id, invoice_version, session_id, url, "
            "amount_cents, currency, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
            "'active', $8) ON CONFLICT (session_id) DO NOTHING RETURNING 1"),
        {who.org_id, id, version, *session_id, *url, total, currency, now});
    if (inserted.empty()) return;  // a concurrent call got there first (same session: same key)
    // What the previous release reads during a rolling upgrade.
    conn.query(
        Sql("INSERT INTO invoice_payments (invoice_id, org_id, checkout_session_id, url, created_at) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (invoice_id) DO NOTHING"),
        {id, who.org_id, *session_id, *url, now});
    auto entry = ctx.audit_entry("invoice.payment_link_created", "invoice", invoice);
    audit::append(conn, entry);
    if (work_order)
      messaging::enqueue_for_work_order(conn, who.org_id, *work_order, "invoice",
                                        "invoice:" + invoice + ":" + *session_id, now,
                                        {{"link", *url},
                                         {"amount", messaging::format_amount(total, currency)},
                                         {"number", "INV-" + std::to_string(number)}});
  });
  if (invoice_moved)
    throw ApiError(ErrorCode::conflict, "the invoice changed while the link was made; reload it",
                   "invoice_not_open");
  return app::json_response(201, {{"url", *url}, {"checkout_session_id", *session_id}});
}

}  // namespace bulwark::api
