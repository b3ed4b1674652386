#include "webhooks/stripe_signature.hpp"

#include <charconv>
#include <optional>

#include "crypto/random.hpp"

namespace bulwark::webhooks {

std::string_view stripe_verdict_name(StripeVerdict v) {
  switch (v) {
    case StripeVerdict::valid: return "valid";
    case StripeVerdict::missing_header: return "signature_missing";
    case StripeVerdict::malformed_header: return "signature_malformed";
    case StripeVerdict::signature_mismatch: return "signature_mismatch";
    case StripeVerdict::timestamp_out_of_tolerance: return "timestamp_out_of_tolerance";
  }
  return "unknown";
}

std::string stripe_signature(std::string_view secret, std::int64_t timestamp,
                             std::string_view payload) {
  std::string signed_payload = std::to_string(timestamp);
  signed_payload += '.';
  signed_payload += payload;
  return crypto::to_hex(crypto::hmac_sha256(secret, signed_payload));
}

StripeVerdict verify_stripe_signature(std::string_view header, std::string_view payload,
                                      const std::vector<std::string_view>& secrets,
                                      std::int64_t now_seconds, std::int64_t tolerance_seconds) {
  if (header.empty()) return StripeVerdict::missing_header;
  std::optional<std::int64_t> timestamp;
  std::vector<std::string_view> v1;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;  // Stripe may add items; unknown ones are ignored
    const auto key = item.substr(0, eq);
    const auto value = item.substr(eq + 1);
    if (key == "t") {
      std::int64_t t = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
      if (ec != std::errc{} || end != value.data() + value.size() || timestamp)
        return StripeVerdict::malformed_header;
      timestamp = t;
    } else if (key == "v1") {
      v1.push_back(value);
    }
  }
  if (!timestamp || v1.empty()) return StripeVerdict::malformed_header;
  bool match = false;
  for (auto secret : secrets) {
    if (secret.empty()) continue;
    const auto expected = stripe_signature(secret, *timestamp, payload);
    for (auto candidate : v1) match |= crypto::constant_time_equal(expected, candidate);
  }
  if (!match) return StripeVerdict::signature_mismatch;
  // Written so that no subtraction involves the untrusted timestamp (no overflow).
  if (*timestamp < now_seconds - tolerance_seconds || *timestamp > now_seconds + tolerance_seconds)
    return StripeVerdict::timestamp_out_of_tolerance;
  return StripeVerdict::valid;
}

}  // namespace bulwark::webhooks
