#pragma once
// Online payment of an open invoice: its payment link is a Stripe Checkout
// Session, created once per invoice version (Stripe Idempotency-Key) with
// its amount and currency stored, and then returned again; the customer is
// sent the link by SMS. The call to Stripe happens between two
// transactions, so no database connection waits on the network.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invoices/model.hpp"
#include "store/database.hpp"

namespace bulwark::config {
struct Config;
}

namespace bulwark::domain::invoices {

// What Stripe is asked for: one invoice at one version.
struct CheckoutRequest {
  std::int64_t org_id = 0;
  std::int64_t invoice_id = 0;
  std::int64_t number = 0;
  std::int64_t version = 0;
  std::int64_t total_cents = 0;
  std::string currency;
};
// The session Stripe made, or nullopt when it made none.
using CreateCheckoutSession = std::function<std::optional<PaymentLink>(const CheckoutRequest&)>;

struct PaymentLinkOutcome {
  PaymentLink link;
  bool created = false;  // false: the invoice's current link, returned again
};

// 404 no such invoice; 409 invoice_not_open (also when the invoice moved
// while the session was made: that session is then expired); 409
// payments_not_configured when `stripe` is null; 503 when Stripe made none.
Expected<PaymentLinkOutcome, ApiError> payment_link(store::Database& db, const audit::Actor& by,
                                                    std::int64_t invoice_id,
                                                    const CreateCheckoutSession* stripe,
                                                    std::int64_t now);

// The real call: POST /v1/checkout/sessions with the configured key.
std::optional<PaymentLink> create_stripe_checkout_session(const config::Config& config,
                                                          const CheckoutRequest& request,
                                                          std::string_view request_id);

}  // namespace bulwark::domain::invoices
