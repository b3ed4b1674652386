#pragma once
// Stripe's payment events, after the pipeline verified Stripe-Signature on
// the raw body (app/webhook_auth.cpp). Each event id is handled once.
//  - A payment (checkout.session.completed or async_payment_succeeded with
//    payment_status `paid`, payment_intent.succeeded) counts only when it
//    matches the invoice's Checkout Session exactly (amount_total /
//    amount_received, currency case-insensitively) and the invoice is open;
//    it becomes a charge in the payment ledger and the invoice is paid.
//  - Anything else changes nothing but is recorded as a payment mismatch
//    (shown on the invoice, audited as payment.mismatch; "needs refund" when
//    money arrived for a void or paid invoice) and still answered 200, so
//    Stripe does not retry it forever.
//  - charge.refunded records refunds (once per refund id); a full refund
//    moves the invoice to refunded.
//  - payment_intent.payment_failed is noted in the audit log; other types
//    are acknowledged and ignored.
// The invoice is found from the metadata we put on the Checkout Session
// (org_id, invoice_id), or from the payment intent recorded with the
// payment: the one cross-tenant step; the rest runs in that organization.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/invoices/model.hpp"
#include "store/database.hpp"

namespace bulwark::domain::invoices {

struct StripeEvent {
  std::string id, type;
  boost::json::object object;  // data.object
};
// 400 invalid_event unless the body has an id, a type and data.object.
Expected<StripeEvent, ApiError> parse_stripe_event(const boost::json::object& body);

// Handles the event in one transaction; `ip` is the audit entries' source.
StripeReceipt receive_stripe_event(store::Database& db, const StripeEvent& event,
                                   const std::string& ip, std::int64_t now);

// What one event says was paid.
struct Payment {
  std::string event_id, event_type;
  std::optional<std::string> session_id, intent;
  std::optional<std::int64_t> amount_cents;
  std::optional<std::string> currency;
};
// The invoice as the payment finds it.
struct InvoiceNow {
  std::string status;
  std::int64_t total_cents = 0;
  std::string currency;
  std::int64_t version = 0;
  // What is still owed: a link is made for the balance due (a partial
  // payment by hand before it makes the old link stale).
  std::optional<std::int64_t> balance_cents = std::nullopt;
};
// Why a payment does not count ("" when it does): invoice_not_open,
// no_checkout_session, amount_missing, currency_mismatch, amount_mismatch,
// stale_checkout_session (asked for an earlier version of the invoice).
std::string payment_mismatch_kind(const InvoiceNow& invoice,
                                  const std::optional<CheckoutSession>& session,
                                  const Payment& payment);
// Money that arrived for an invoice that takes none must go back.
bool needs_refund(const std::string& invoice_status);

}  // namespace bulwark::domain::invoices
