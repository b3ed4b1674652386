#include "domain/invoices/stripe_events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "audit/actor.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/payment_ledger.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

namespace {

namespace json = boost::json;
using store::CrossTenantSql;

// Routing an event to its organization: the event names it, we do not know it.
constexpr CrossTenantSql kFirstSeen(
    "INSERT INTO webhook_events (provider, event_id, received_at) VALUES ('stripe', $1, $2) "
    "ON CONFLICT (provider, event_id) DO NOTHING RETURNING 1");
constexpr CrossTenantSql kInvoiceOfIntent(
    "SELECT org_id, id AS invoice_id FROM invoices WHERE payment_intent_id = $1");

struct InvoiceRef {
  std::int64_t org_id = 0;
  std::int64_t invoice_id = 0;
};
BOOST_DESCRIBE_STRUCT(InvoiceRef, (), (org_id, invoice_id))

const json::object* object_at(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}
std::optional<std::string> string_at(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().size() > 255) return std::nullopt;
  return std::string(v->as_string());
}
std::optional<std::int64_t> amount_at(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_int64() && v->as_int64() >= 0) return v->as_int64();
  if (v && v->is_uint64() && v->as_uint64() <= INT64_MAX) return std::int64_t(v->as_uint64());
  return std::nullopt;
}
std::optional<std::int64_t> id_in_metadata(const json::object& metadata, std::string_view key) {
  const auto text = string_at(metadata, key);
  if (!text || text->empty() || text->size() > 18) return std::nullopt;
  std::int64_t out = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

bool is_currency(const std::optional<std::string>& c) {
  return c && c->size() == 3 && std::all_of(c->begin(), c->end(), [](char x) {
           return std::isalpha(static_cast<unsigned char>(x));
         });
}

// From our metadata, or (refunds) from the payment intent we recorded.
std::optional<InvoiceRef> invoice_of(store::Connection& conn, const json::object& object) {
  if (const auto* metadata = object_at(object, "metadata")) {
    const auto org = id_in_metadata(*metadata, "org_id");
    const auto invoice = id_in_metadata(*metadata, "invoice_id");
    if (org && invoice) return InvoiceRef{*org, *invoice};
  }
  if (auto intent = string_at(object, "payment_intent"))
    return store::decode_first<InvoiceRef>(conn.query(kInvoiceOfIntent, {*intent}));
  return std::nullopt;
}

// One event's work, inside the invoice's organization.
class EventWork {
 public:
  EventWork(store::OrgTx& tx, std::int64_t invoice_id, const StripeEvent& e, const std::string& ip,
            std::int64_t now)
      : tx_(tx),
        invoice_id_(invoice_id),
        event_(e),
        by_{tx.org_id(), "webhook", {}, ip},
        now_(now) {}

  void run();

 private:
  InvoiceNow invoice_now() {
    const auto row = repo::find(tx_, invoice_id_).value();
    return {row.status, row.total_cents, row.currency, row.version,
            payment_state(tx_, invoice_id_, row.total_cents).balance_cents};
  }
  void audit(std::string action, std::vector<std::string> fields = {},
             std::string outcome = "success") {
    auto e =
        by_.entry(std::move(action), "invoice", std::to_string(invoice_id_), std::move(fields));
    e.outcome = std::move(outcome);
    audit::append(tx_.connection(), e);
  }
  PaymentMismatch mismatch(std::string kind, std::optional<std::int64_t> expected,
                           std::optional<std::int64_t> received, std::string expected_currency,
                           std::optional<std::string> currency, std::string invoice_status,
                           std::optional<std::string> session, std::optional<std::string> intent) {
    return {invoice_id_,
            std::move(kind),
            expected,
            received,
            std::move(expected_currency),
            std::move(currency),
            std::move(invoice_status),
            false,
            event_.type,
            event_.id,
            std::move(session),
            std::move(intent),
            now_};
  }
  void note_mismatch(const PaymentMismatch& m);
  void settle();
  void apply_payment(const Payment& p);
  void apply_refund();

  store::OrgTx& tx_;
  std::int64_t invoice_id_;
  const StripeEvent& event_;
  audit::Actor by_;
  std::int64_t now_;
};

// The audit log keeps field names, not values; amounts are not personal
// data, so a mismatch names them as name=value items the office can read.
void EventWork::note_mismatch(const PaymentMismatch& m) {
  if (!record_mismatch(tx_, m)) return;
  std::vector<std::string> fields{"kind=" + m.kind, "event=" + m.event_type};
  if (m.expected_cents) fields.push_back(fmt::format("expected_cents={}", *m.expected_cents));
  if (m.received_cents) fields.push_back(fmt::format("received_cents={}", *m.received_cents));
  if (m.expected_currency) fields.push_back("expected_currency=" + *m.expected_currency);
  if (m.currency) fields.push_back("currency=" + *m.currency);
  if (m.needs_refund) fields.emplace_back("needs_refund");
  audit("payment.mismatch", std::move(fields), "failure");
}

// Moves the invoice to the state its ledger says: open -> paid once the
// money covers the total, paid -> refunded once everything went back. A
// partial refund leaves it paid (the view says partially_refunded).
void EventWork::settle() {
  const auto inv = invoice_now();
  const auto state = payment_state(tx_, invoice_id_, inv.total_cents);
  std::string to;
  if (inv.status == "open" && state.paid_cents - state.refunded_cents >= inv.total_cents)
    to = "paid";
  else if (inv.status == "paid" && state.state == "refunded")
    to = "refunded";
  if (to.empty()) return;
  repo::move_status(tx_, invoice_id_, inv.status, to, now_);
  audit("invoice.status_changed", {"status"});
}

// Money arrived: it counts only when it is exactly what the invoice's open
// Checkout Session asked for. Anything else is a mismatch for the office.
void EventWork::apply_payment(const Payment& p) {
  if (charge_recorded(tx_, invoice_id_, p.intent, p.session_id)) return;
  const auto inv = invoice_now();
  const auto session = find_checkout_session(tx_, invoice_id_, p.session_id);
  auto m = mismatch(payment_mismatch_kind(inv, session, p),
                    session ? session->amount_cents : inv.total_cents, p.amount_cents,
                    session ? session->currency : inv.currency, p.currency, inv.status,
                    p.session_id, p.intent);
  if (!m.kind.empty()) {
    m.needs_refund = m.kind == "invoice_not_open" && needs_refund(inv.status);
    note_mismatch(m);
    return;
  }
  const LedgerEntry charge{invoice_id_,
                           "charge",
                           *p.amount_cents,
                           inv.currency,
                           "stripe",
                           p.intent ? p.intent : p.session_id,
                           p.intent,
                           std::nullopt,
                           std::nullopt,
                           event_.id,
                           session->session_id,
                           std::nullopt,
                           now_};
  if (!record_ledger_entry(tx_, charge)) return;
  complete_checkout_session(tx_, session->session_id);
  if (p.intent) repo::set_payment_intent(tx_, invoice_id_, *p.intent);
  audit("payment.recorded", {"kind=charge", fmt::format("amount_cents={}", *p.amount_cents),
                             "currency=" + inv.currency});
  settle();
}

// charge.refunded: `amount_refunded` is the charge's cumulative refunded
// amount; `refunds` (when Stripe includes it) lists the refunds. Each refund
// is recorded once by its id, and whatever the cumulative amount says beyond
// the refunds we know is recorded once under that cumulative amount, so the
// ledger's refunds of a charge always sum to what Stripe says.
void EventWork::apply_refund() {
  const auto& charge = event_.object;
  const auto charge_id = string_at(charge, "id");
  const auto intent = string_at(charge, "payment_intent");
  const auto currency = string_at(charge, "currency");
  const auto cumulative = amount_at(charge, "amount_refunded");
  const auto inv = invoice_now();
  const auto state = payment_state(tx_, invoice_id_, inv.total_cents);
  auto m = mismatch("", state.paid_cents, cumulative, inv.currency, currency, inv.status,
                    std::nullopt, intent);
  if (!charge_id || state.paid_cents == 0)
    m.kind = "refund_without_payment";
  else if (!is_currency(currency) || !same_currency(*currency, inv.currency))
    m.kind = "currency_mismatch";
  if (!m.kind.empty()) {
    note_mismatch(m);
    return;
  }
  std::int64_t so_far = refunded_of_charge(tx_, *charge_id);
  std::int64_t added = 0;
  auto record = [&](std::int64_t amount, std::string external, std::optional<std::string> refund) {
    const LedgerEntry e{invoice_id_,         "refund",     amount,    inv.currency,      "stripe",
                        std::move(external), intent,       charge_id, std::move(refund), event_.id,
                        std::nullopt,        std::nullopt, now_};
    if (record_ledger_entry(tx_, e)) {
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
  audit("payment.recorded",
        {"kind=refund", fmt::format("amount_cents={}", added), "currency=" + inv.currency});
  settle();
}

void EventWork::run() {
  const auto& type = event_.type;
  const auto& object = event_.object;
  if (type == "checkout.session.completed" || type == "checkout.session.async_payment_succeeded") {
    const Payment p{event_.id,
                    type,
                    string_at(object, "id"),
                    string_at(object, "payment_intent"),
                    amount_at(object, "amount_total"),
                    string_at(object, "currency")};
    // Delayed methods complete the session `unpaid`; the money is there
    // only with async_payment_succeeded. Only an explicit `paid` counts.
    if (string_at(object, "payment_status") != std::optional<std::string>("paid")) {
      const auto inv = invoice_now();
      note_mismatch(mismatch("payment_not_completed", std::nullopt, p.amount_cents, inv.currency,
                             p.currency, inv.status, p.session_id, p.intent));
      return;
    }
    apply_payment(p);
  } else if (type == "payment_intent.succeeded") {
    apply_payment({event_.id, type, std::nullopt, string_at(object, "id"),
                   amount_at(object, "amount_received"), string_at(object, "currency")});
  } else if (type == "charge.refunded") {
    apply_refund();
  } else {  // payment_intent.payment_failed, checkout.session.async_payment_failed
    audit("invoice.payment_failed", {}, "failure");
  }
}

bool handled(const std::string& type) {
  return type == "checkout.session.completed" ||
         type == "checkout.session.async_payment_succeeded" ||
         type == "checkout.session.async_payment_failed" || type == "payment_intent.succeeded" ||
         type == "charge.refunded" || type == "payment_intent.payment_failed";
}

}  // namespace

Expected<StripeEvent, ApiError> parse_stripe_event(const json::object& body) {
  const auto id = string_at(body, "id");
  const auto type = string_at(body, "type");
  const auto* data = object_at(body, "data");
  const auto* object = data ? object_at(*data, "object") : nullptr;
  if (!id || id->empty() || !type || !object)
    return unexpected(ApiError(ErrorCode::validation_failed, "not a Stripe event", "invalid_event",
                               {{"id", "an event needs id, type and data.object"}}));
  return StripeEvent{*id, *type, *object};
}

StripeReceipt receive_stripe_event(store::Database& db, const StripeEvent& event,
                                   const std::string& ip, std::int64_t now) {
  const bool first = store::transact(db, [&](store::Connection& conn) {
    if (conn.query(kFirstSeen, {event.id, now}).empty()) return false;
    if (!handled(event.type)) return true;
    const auto ref = invoice_of(conn, event.object);
    if (!ref) return true;
    // The invoice must exist in the organization the event names.
    store::OrgTx tx(conn, ref->org_id);
    if (!repo::find(tx, ref->invoice_id)) return true;
    EventWork(tx, ref->invoice_id, event, ip, now).run();
    return true;
  });
  return StripeReceipt{true, !first};
}

std::string payment_mismatch_kind(const InvoiceNow& inv,
                                  const std::optional<CheckoutSession>& session, const Payment& p) {
  if (inv.status != "open") return "invoice_not_open";
  if (!session) return "no_checkout_session";
  if (!p.amount_cents) return "amount_missing";
  if (!is_currency(p.currency) || !same_currency(*p.currency, session->currency))
    return "currency_mismatch";
  if (*p.amount_cents != session->amount_cents) return "amount_mismatch";
  if (session->invoice_version != inv.version ||
      session->amount_cents != inv.balance_cents.value_or(inv.total_cents) ||
      !same_currency(session->currency, inv.currency))
    return "stale_checkout_session";
  return "";
}

bool needs_refund(const std::string& invoice_status) {
  return invoice_status == "void" || invoice_status == "paid" || invoice_status == "refunded";
}

}  // namespace bulwark::domain::invoices
