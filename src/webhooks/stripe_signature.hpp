#pragma once
// Stripe's Stripe-Signature header, checked on the raw body before it is
// parsed: "t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]". The expected
// signature is hex(HMAC-SHA256(secret, t + "." + body)); any v1 may match any
// configured secret (two during a rotation); the timestamp must be within
// the tolerance of now in both directions (a replayed or pre-dated event is
// refused). Comparisons are constant-time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::webhooks {

enum class StripeVerdict {
  valid,
  missing_header,
  malformed_header,  // no t=, a t= that is not an integer, or no v1=
  signature_mismatch,
  timestamp_out_of_tolerance,
};
std::string_view stripe_verdict_name(StripeVerdict v);

inline constexpr std::int64_t kStripeToleranceSeconds = 300;

StripeVerdict verify_stripe_signature(std::string_view header, std::string_view payload,
                                      const std::vector<std::string_view>& secrets,
                                      std::int64_t now_seconds,
                                      std::int64_t tolerance_seconds = kStripeToleranceSeconds);

// hex(HMAC-SHA256(secret, t.payload)), for the verifier and its tests.
std::string stripe_signature(std::string_view secret, std::int64_t timestamp,
                             std::string_view payload);

}  // namespace bulwark::webhooks
