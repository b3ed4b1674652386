#include "api/stripe_handlers.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "http/json_body.hpp"
#include "identity/clock.hpp"
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

// Moves the invoice when it is in one of `from`; otherwise nothing (a late
// or repeated event must not undo a later state).
void move_invoice(app::RequestContext& ctx, store::Connection& conn, const InvoiceRef& ref,
                  std::string_view to, std::string_view from_a, std::string_view from_b) {
  const auto now = identity::now_ms();
  auto r = conn.query(Sql("UPDATE invoices SET status = $3, updated_at = $4, version = version + 1, "
                          "paid_at = CASE WHEN $3 = 'paid' THEN $4 ELSE paid_at END "
                          "WHERE org_id = $1 AND id = $2 AND status IN ($5, $6)"),
                      {ref.org_id, ref.invoice_id, std::string(to), now, std::string(from_a),
                       std::string(from_b)});
  if (r.affected == 0) return;
  auto entry = webhook_entry(ctx, ref, "invoice.status_changed");
  entry.fields = {"status"};
  audit::append(conn, entry);
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
    const bool handled = *type == "checkout.session.completed" ||
                         *type == "payment_intent.succeeded" || *type == "charge.refunded" ||
                         *type == "payment_intent.payment_failed";
    if (!handled) return;
    auto ref = invoice_of(conn, *object);
    if (!ref) return;
    // The invoice must exist in the org the metadata names.
    if (conn.query(Sql("SELECT 1 FROM invoices WHERE org_id = $1 AND id = $2"),
                   {ref->org_id, ref->invoice_id})
            .empty())
      return;
    // Remember the payment intent: a refund names only that (charge.payment_intent).
    auto remember_intent = [&](std::optional<std::string> intent) {
      if (intent)
        conn.query(Sql("UPDATE invoices SET payment_intent_id = $3 WHERE org_id = $1 AND id = $2"),
                   {ref->org_id, ref->invoice_id, *intent});
    };
    if (*type == "checkout.session.completed") {
      if (string_at(*object, "payment_status").value_or("paid") != "paid") return;
      remember_intent(string_at(*object, "payment_intent"));
      move_invoice(ctx, conn, *ref, "paid", "open", "draft");
    } else if (*type == "payment_intent.succeeded") {
      remember_intent(string_at(*object, "id"));
      move_invoice(ctx, conn, *ref, "paid", "open", "draft");
    } else if (*type == "charge.refunded") {
      move_invoice(ctx, conn, *ref, "refunded", "paid", "paid");
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
    auto p = conn.query(Sql("SELECT url, checkout_session_id FROM invoice_payments WHERE org_id = $1 "
                            "AND invoice_id = $2"),
                        {who.org_id, id});
    if (!p.empty()) {
      existing = json::object{{"url", p.rows[0].text(0)}, {"checkout_session_id", p.rows[0].text(1)}};
      return;
    }
    if (r.rows[0].text(0) != "open")
      throw ApiError(ErrorCode::conflict, "only an open invoice can be paid online",
                     "invoice_not_open");
    total = r.rows[0].integer(1);
    currency = r.rows[0].text(2);
    number = r.rows[0].integer(3);
    version = r.rows[0].integer(4);
    work_order = r.rows[0].integer(5);
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
  ctx.services.db.transaction([&](store::Connection& conn) {
    const auto now = identity::now_ms();
    auto inserted = conn.query(
        Sql("INSERT INTO invoice_payments (invoice_id, org_id, checkout_session_id, url, created_at) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (invoice_id) DO NOTHING RETURNING 1"),
        {id, who.org_id, *session_id, *url, now});
    if (inserted.empty()) return;  // a concurrent call got there first (same session: same key)
    auto entry = ctx.audit_entry("invoice.payment_link_created", "invoice", invoice);
    audit::append(conn, entry);
    if (work_order)
      messaging::enqueue_for_work_order(conn, who.org_id, *work_order, "invoice",
                                        "invoice:" + invoice + ":" + *session_id, now,
                                        {{"link", *url},
                                         {"amount", messaging::format_amount(total, currency)},
                                         {"number", "INV-" + std::to_string(number)}});
  });
  return app::json_response(201, {{"url", *url}, {"checkout_session_id", *session_id}});
}

}  // namespace bulwark::api
