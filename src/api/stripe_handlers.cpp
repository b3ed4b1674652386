#include "api/stripe_handlers.hpp"

#include "config/config.hpp"
#include "domain/invoices/payments.hpp"
#include "domain/invoices/stripe_events.hpp"

namespace bulwark::api {

namespace invoices = domain::invoices;

Result<StripeReceipt> stripe_webhook(Ctx& ctx) {
  // Only now, after the signature held, is the body parsed.
  BULWARK_TRY(const auto event,
              invoices::parse_stripe_event(http::parse_json_object_body(ctx.request)));
  return invoices::receive_stripe_event(ctx.services.db, event, ctx.request.client_ip,
                                        ctx.now_ms());
}

Result<http::Response> create_payment_link(Ctx& ctx, PathId id) {
  const auto& config = ctx.services.config;
  const invoices::CreateCheckoutSession stripe = [&](const invoices::CheckoutRequest& r) {
    return invoices::create_stripe_checkout_session(config, r, ctx.request.request_id);
  };
  BULWARK_TRY(const auto out,
              invoices::payment_link(ctx.services.db, ctx.actor(), id,
                                     config.stripe_configured() ? &stripe : nullptr, ctx.now_ms()));
  return app::raw_json_response(out.created ? 201 : 200, resource::to_json(out.link));
}

}  // namespace bulwark::api
