// What an attacker controls on a webhook: the Stripe-Signature header, the
// form body, and (through the request target) the URL Twilio's signature
// covers. None of it may crash, and garbage must never verify.
// scripts/fuzz.sh reads each directive as one line: clang-format must not wrap them.
// clang-format off
// fuzz-sources: src/webhooks/stripe_signature.cpp src/webhooks/twilio_signature.cpp src/webhooks/form_body.cpp src/crypto/random.cpp src/core/utf8.cpp
// fuzz-libs: -lcrypto -lboost_url
// clang-format on
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "webhooks/form_body.hpp"
#include "webhooks/stripe_signature.hpp"
#include "webhooks/twilio_signature.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace bulwark::webhooks;
  const auto split = text.find('\n');
  const auto header = text.substr(0, split);
  const auto body = split == std::string_view::npos ? std::string_view{} : text.substr(split + 1);
  if (verify_stripe_signature(header, body, {"whsec_fuzz"}, 1'700'000'000) == StripeVerdict::valid)
    std::abort();  // nobody but the secret's holder can produce a valid signature
  auto form = parse_form(body);
  if (form &&
      twilio_form_signature_valid({"fuzz-token"}, header, *form, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
    std::abort();
  (void)twilio_url_variants(header);
  (void)twilio_json_signature_valid({"fuzz-token"}, header, body, header);
  return 0;
}
