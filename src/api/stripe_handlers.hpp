#pragma once
// Stripe: online payment of invoices.
//  - POST /webhooks/stripe: the pipeline verified Stripe-Signature on the raw
//    body first (app/webhook_auth.cpp). Each event id is handled once.
//    checkout.session.completed and payment_intent.succeeded mark the
//    invoice paid; charge.refunded marks it refunded;
//    payment_intent.payment_failed is noted in the audit log; other types
//    are acknowledged and ignored. The invoice is found from the metadata we
//    put on the Checkout Session (org_id, invoice_id), or from the payment
//    intent recorded when the session completed.
//  - POST /api/v1/invoices/{id}/payment-link: a Checkout Session for an open
//    invoice, created once (Stripe Idempotency-Key per invoice) and then
//    returned again; the customer is sent the link by SMS.
#include "app/context.hpp"

namespace bulwark::api {

http::Response stripe_webhook(app::RequestContext& ctx);
http::Response create_payment_link(app::RequestContext& ctx);

}  // namespace bulwark::api
