#pragma once
// Stripe: online payment of invoices.
//  - POST /webhooks/stripe: the pipeline verified Stripe-Signature on the raw
//    body first (app/webhook_auth.cpp). Each event id is handled once.
//    A payment (checkout.session.completed or async_payment_succeeded with
//    payment_status `paid`, payment_intent.succeeded) counts only when it
//    matches the invoice's Checkout Session exactly (amount_total /
//    amount_received, currency case-insensitively) and the invoice is open;
//    it becomes a charge in the payment ledger and the invoice is paid.
//    Anything else changes nothing but is recorded as a payment mismatch
//    (shown on the invoice, audited as payment.mismatch; "needs refund" when
//    money arrived for a void or paid invoice) and still answered 200, so
//    Stripe does not retry it forever. charge.refunded records refunds
//    (once per refund id); a full refund moves the invoice to refunded.
//    payment_intent.payment_failed is noted in the audit log; other types
//    are acknowledged and ignored. The invoice is found from the metadata we
//    put on the Checkout Session (org_id, invoice_id), or from the payment
//    intent recorded when the payment was recorded.
//  - POST /api/v1/invoices/{id}/payment-link: a Checkout Session for an open
//    invoice, created once per invoice version (Stripe Idempotency-Key) with
//    its amount and currency stored, and then returned again; the customer
//    is sent the link by SMS. Not open: 409 invoice_not_open.
#include "app/context.hpp"

namespace bulwark::api {

http::Response stripe_webhook(app::RequestContext& ctx);
http::Response create_payment_link(app::RequestContext& ctx);

}  // namespace bulwark::api
