#include "domain/invoices/payments.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cctype>

#include "config/config.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/invoices/service.hpp"
#include "domain/payment_ledger.hpp"
#include "jobs/stripe_jobs.hpp"
#include "logging/log.hpp"
#include "messaging/outbox.hpp"
#include "net/http_client.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

namespace {

ApiError not_open(const std::string& message) {
  return ApiError(ErrorCode::conflict, message, "invoice_not_open");
}

struct Plan {
  CheckoutRequest request;
  std::optional<std::int64_t> work_order_id;
  std::optional<PaymentLink> existing;
};

Expected<Plan, ApiError> plan(store::OrgTx& tx, std::int64_t id) {
  const auto row = repo::find(tx, id);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such invoice"));
  // A void or paid invoice hands out no link, not even the one it had.
  if (row->status != "open") return unexpected(not_open("only an open invoice can be paid online"));
  // A link asks for what is still owed (partial payments by hand before it).
  const auto balance = payment_state(tx, id, row->total_cents).balance_cents;
  if (balance <= 0) return unexpected(not_open("this invoice has nothing left to pay"));
  Plan p{{tx.org_id(), id, row->number, row->version, balance, row->currency},
         row->work_order_id,
         std::nullopt};
  const auto session = find_checkout_session(tx, id, std::nullopt);
  if (session && session->status == "active" && session->invoice_version == row->version &&
      session->amount_cents == balance)
    p.existing = PaymentLink{session->url, session->session_id};
  return p;
}

// False when the invoice moved while the session was made: a void
// committing meanwhile either sees this session (and expires it) or made
// the invoice change under us, and then the session is expired here.
bool record(store::OrgTx& tx, const audit::Actor& by, const Plan& p, const PaymentLink& link,
            std::int64_t now) {
  const auto& r = p.request;
  if (!repo::lock_open(tx, r.invoice_id, r.version)) {
    jobs::enqueue_session_expiry(tx.connection(), tx.org_id(), r.invoice_id,
                                 link.checkout_session_id);
    return false;
  }
  const CheckoutSession session{
      link.checkout_session_id, link.url, r.total_cents, r.currency, r.version, "active"};
  // Not recorded: a concurrent call got there first (same session: same key).
  if (!record_checkout_session(tx, r.invoice_id, session, now)) return true;
  by.record(tx.connection(), "invoice.payment_link_created", "invoice", r.invoice_id);
  if (p.work_order_id) {
    const auto invoice = std::to_string(r.invoice_id);
    messaging::enqueue_for_work_order(
        tx.connection(), tx.org_id(), *p.work_order_id, "invoice",
        "invoice:" + invoice + ":" + link.checkout_session_id, now,
        {{"link", link.url},
         {"amount", messaging::format_amount(r.total_cents, r.currency)},
         {"number", invoice_number(r.number)}});
  }
  return true;
}

std::optional<std::string> string_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().size() > 255) return std::nullopt;
  return std::string(v->as_string());
}

}  // namespace

Expected<PaymentLinkOutcome, ApiError> payment_link(store::Database& db, const audit::Actor& by,
                                                    std::int64_t invoice_id,
                                                    const CreateCheckoutSession* stripe,
                                                    std::int64_t now) {
  auto p = store::read_org(db, by.org_id, [&](store::OrgTx& tx) { return plan(tx, invoice_id); });
  if (!p) return unexpected(std::move(p.error()));
  if (p->existing) return PaymentLinkOutcome{*p->existing, false};
  if (!stripe)
    return unexpected(ApiError(ErrorCode::conflict,
                               "online payment is not configured (BULWARK_STRIPE_API_KEY)",
                               "payments_not_configured"));
  const auto link = (*stripe)(p->request);
  if (!link)
    return unexpected(ApiError(ErrorCode::service_unavailable,
                               "the payment provider did not create a payment link; try again"));
  // The expiry queued for a moved invoice commits: the error comes after.
  const bool recorded = store::in_org(
      db, by.org_id, [&](store::OrgTx& tx) { return record(tx, by, *p, *link, now); });
  if (!recorded)
    return unexpected(not_open("the invoice changed while the link was made; reload it"));
  return PaymentLinkOutcome{*link, true};
}

std::optional<PaymentLink> create_stripe_checkout_session(const config::Config& config,
                                                          const CheckoutRequest& r,
                                                          std::string_view request_id) {
  std::string base = config.public_url;
  while (base.ends_with('/')) base.pop_back();
  const auto org = std::to_string(r.org_id);
  const auto invoice = std::to_string(r.invoice_id);
  std::string currency = r.currency;
  for (auto& c : currency) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  net::PostRequest request{
      .url = config.stripe_api_base + "/v1/checkout/sessions",
      .form = {{"mode", "payment"},
               {"client_reference_id", "invoice-" + invoice},
               {"success_url", base + "/invoices/" + invoice + "?paid=1"},
               {"cancel_url", base + "/invoices/" + invoice},
               {"line_items[0][quantity]", "1"},
               {"line_items[0][price_data][currency]", currency},
               {"line_items[0][price_data][unit_amount]", std::to_string(r.total_cents)},
               {"line_items[0][price_data][product_data][name]",
                "Invoice " + invoice_number(r.number)},
               {"metadata[org_id]", org},
               {"metadata[invoice_id]", invoice},
               {"payment_intent_data[metadata][org_id]", org},
               {"payment_intent_data[metadata][invoice_id]", invoice}},
      // One session per invoice version, however often this is called.
      .headers = {fmt::format("Idempotency-Key: bulwark-invoice-{}-{}-v{}", r.org_id, r.invoice_id,
                              r.version)},
      .basic_user = {},
      .basic_password = {},
      .bearer_token = config.stripe_api_key.reveal(),
      .timeout = std::chrono::seconds(15),
  };
  const auto result = net::post_form(request);
  std::optional<std::string> session_id, url;
  if (result.status >= 200 && result.status < 300) {
    boost::system::error_code ec;
    auto parsed = boost::json::parse(result.body, ec);
    if (!ec && parsed.is_object()) {
      session_id = string_at(parsed.as_object(), "id");
      url = string_at(parsed.as_object(), "url");
    }
  }
  if (session_id && url && url->starts_with("https://")) return PaymentLink{*url, *session_id};
  logging::warn("stripe checkout session failed",
                {{logging::Field::status, std::int64_t{result.status}},
                 {logging::Field::request_id, request_id}});
  return std::nullopt;
}

}  // namespace bulwark::domain::invoices
