#pragma once
// Stripe: online payment of invoices (domain/invoices/payments.cpp and
// stripe_events.cpp hold the rules).
//  - POST /webhooks/stripe: the pipeline verified Stripe-Signature on the raw
//    body first (app/webhook_auth.cpp); each event id is handled once, and
//    an event that changes nothing is still answered 200.
//  - POST /api/v1/invoices/{id}/payment-link: a Checkout Session for an open
//    invoice, created once per invoice version (201), then returned again
//    (200); the customer is sent the link by SMS. Not open: 409
//    invoice_not_open.
#include "api/endpoint.hpp"
#include "domain/invoices/model.hpp"

namespace bulwark::api {

using domain::invoices::StripeReceipt;

Result<StripeReceipt> stripe_webhook(Ctx& ctx);
Result<http::Response> create_payment_link(Ctx& ctx, PathId id);

}  // namespace bulwark::api
