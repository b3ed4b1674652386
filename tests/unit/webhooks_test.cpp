// Webhook signatures and messaging pieces. The expected values come from the
// providers' own SDKs (twilio-python RequestValidator.compute_signature,
// stripe-python WebhookSignature._compute_signature), including Twilio's
// documented example; the API tests sign live requests with the same SDKs.
#include <gtest/gtest.h>

#include "messaging/outbox.hpp"
#include "messaging/sms_keywords.hpp"
#include "messaging/sms_sender.hpp"
#include "messaging/templates.hpp"
#include "webhooks/form_body.hpp"
#include "webhooks/stripe_signature.hpp"
#include "webhooks/twilio_signature.hpp"

using namespace bulwark;
using namespace bulwark::webhooks;

namespace {

const FormParams kTwilioDocParams = {{"CallSid", "CA1234567890ABCDE"},
                                     {"Caller", "+12349013030"},
                                     {"Digits", "1234"},
                                     {"From", "+12349013030"},
                                     {"To", "+18005551212"}};
constexpr const char* kTwilioDocUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

}  // namespace

TEST(TwilioSignature, Must005MatchesTheSdkOnTwiliosDocumentedExample) {
  EXPECT_EQ(twilio_signature("12345", kTwilioDocUrl, kTwilioDocParams),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  EXPECT_EQ(twilio_signature("12345", "https://example.com/sms", {}),
            "U4LDD0cAOPwkAgFQgqCAAG/S9Sw=");
}

TEST(TwilioSignature, Must005ParameterOrderDoesNotMatterButValuesDo) {
  FormParams reversed(kTwilioDocParams.rbegin(), kTwilioDocParams.rend());
  EXPECT_TRUE(twilio_form_signature_valid({"12345"}, kTwilioDocUrl, reversed,
                                          "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  auto tampered = kTwilioDocParams;
  tampered[2].second = "1235";
  EXPECT_FALSE(twilio_form_signature_valid({"12345"}, kTwilioDocUrl, tampered,
                                           "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  EXPECT_FALSE(twilio_form_signature_valid({"wrong"}, kTwilioDocUrl, kTwilioDocParams,
                                           "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  EXPECT_FALSE(twilio_form_signature_valid({"12345"}, kTwilioDocUrl, kTwilioDocParams, ""));
}

TEST(TwilioSignature, Must005EitherTokenOfARotationIsAccepted) {
  EXPECT_TRUE(twilio_form_signature_valid({"new-token", "12345"}, kTwilioDocUrl, kTwilioDocParams,
                                          "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  EXPECT_FALSE(twilio_form_signature_valid({"new-token", ""}, kTwilioDocUrl, kTwilioDocParams,
                                           "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
}

TEST(TwilioSignature, UrlVariantsWithAndWithoutThePortAsTheSdkTries) {
  auto v = twilio_url_variants("https://example.com/sms?x=1");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1], "https://example.com:443/sms?x=1");
  v = twilio_url_variants("http://example.com:8080/sms");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1], "http://example.com/sms");
  EXPECT_EQ(twilio_url_variants("not a url").size(), 1u);
}

TEST(TwilioSignature, Must005JsonBodiesAreBoundByBodySha256) {
  const std::string body = R"({"a":1})";
  // sha256 of {"a":1}
  const std::string url =
      "https://example.com/"
      "hook?bodySHA256=015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";
  const auto signature = twilio_signature("tok", url, {});
  EXPECT_TRUE(twilio_json_signature_valid({"tok"}, url, body, signature));
  EXPECT_FALSE(twilio_json_signature_valid({"tok"}, url, R"({"a":2})", signature));
  EXPECT_FALSE(
      twilio_json_signature_valid({"tok"}, "https://example.com/hook", body,
                                  twilio_signature("tok", "https://example.com/hook", {})));
}

TEST(FormBody, DecodesPlusAndPercentAndKeepsRepeats) {
  auto f = parse_form("Body=Hello+world%21&To=%2B15551234567&Body=again&Empty=");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->size(), 4u);
  EXPECT_EQ((*f)[0].second, "Hello world!");
  EXPECT_EQ(form_value(*f, "To"), "+15551234567");
  EXPECT_EQ(form_value(*f, "Body"), "Hello world!");
  EXPECT_EQ(form_value(*f, "Empty"), "");
  EXPECT_FALSE(form_value(*f, "Nope"));
}

TEST(FormBody, RefusesInvalidUtf8AndBadEscapes) {
  EXPECT_FALSE(parse_form("Body=%FF%FE"));
  EXPECT_FALSE(parse_form("Body=%G1"));
  EXPECT_TRUE(parse_form("")->empty());
}

TEST(StripeSignature, Must005MatchesTheSdk) {
  EXPECT_EQ(stripe_signature("whsec_test", 1700000000, R"({"id":"evt_1"})"),
            "c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925");
}

TEST(StripeSignature, Must005VerdictsForEveryKindOfBadHeader) {
  const std::string payload = R"({"id":"evt_1"})";
  const auto good = stripe_signature("whsec_test", 1700000000, payload);
  const std::vector<std::string_view> secrets = {"whsec_test"};
  constexpr std::int64_t kNow = 1700000000;
  auto verify = [&](const std::string& header, std::int64_t at = 1700000000) {
    return verify_stripe_signature(header, payload, secrets, at);
  };
  EXPECT_EQ(verify("t=1700000000,v1=" + good), StripeVerdict::valid);
  EXPECT_EQ(verify("t=1700000000,v1=" + std::string(64, '0') + ",v1=" + good + ",v0=x"),
            StripeVerdict::valid);
  EXPECT_EQ(verify(""), StripeVerdict::missing_header);
  EXPECT_EQ(verify("garbage"), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=,v1=" + good), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=17e8,v1=" + good), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=1700000000,t=1700000000,v1=" + good), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=1700000000"), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=1700000000,v0=" + good), StripeVerdict::malformed_header);
  EXPECT_EQ(verify("t=1700000001,v1=" + good), StripeVerdict::signature_mismatch);
  EXPECT_EQ(verify("t=1700000000,v1=" + good, kNow + 301),
            StripeVerdict::timestamp_out_of_tolerance);
  EXPECT_EQ(verify("t=1700000000,v1=" + good, kNow - 301),
            StripeVerdict::timestamp_out_of_tolerance);
  EXPECT_EQ(verify("t=1700000000,v1=" + good, kNow + 300), StripeVerdict::valid);
  EXPECT_EQ(verify("t=-9223372036854775808,v1=" + good), StripeVerdict::signature_mismatch);
}

TEST(StripeSignature, Must005PreviousSecretDuringRotation) {
  const std::string payload = "{}";
  const auto sig = stripe_signature("old", 100, payload);
  EXPECT_EQ(verify_stripe_signature("t=100,v1=" + sig, payload, {"new", "old"}, 100),
            StripeVerdict::valid);
  EXPECT_EQ(verify_stripe_signature("t=100,v1=" + sig, payload, {"new"}, 100),
            StripeVerdict::signature_mismatch);
}

TEST(SmsKeywords, CarrierWordsWholeMessageOnly) {
  using messaging::classify_inbound;
  using messaging::Keyword;
  for (auto w :
       {"STOP", "stop", " Stop ", "STOPALL", "unsubscribe", "CANCEL", "end", "QUIT", "stop."})
    EXPECT_EQ(classify_inbound(w), Keyword::opt_out) << w;
  EXPECT_EQ(classify_inbound("START"), Keyword::opt_in);
  EXPECT_EQ(classify_inbound("unstop"), Keyword::opt_in);
  EXPECT_EQ(classify_inbound("help"), Keyword::help);
  EXPECT_EQ(classify_inbound("Y"), Keyword::confirm);
  EXPECT_EQ(classify_inbound("yes!"), Keyword::confirm);
  EXPECT_EQ(classify_inbound("please stop by at 3"), Keyword::none);
  EXPECT_EQ(classify_inbound("yes please, and the gate code is 1234"), Keyword::none);
  EXPECT_EQ(classify_inbound(""), Keyword::none);
}

TEST(SmsTemplates, RenderFillsKnownPlaceholdersOnlyOnce) {
  EXPECT_EQ(messaging::render("{org}: {number} at {time}", {{"org", "Acme"}, {"number", "WO-1"}}),
            "Acme: WO-1 at {time}");
  // A value that looks like a placeholder is not expanded again.
  EXPECT_EQ(messaging::render("Hi {customer}", {{"customer", "{link}"}, {"link", "x"}}),
            "Hi {link}");
  EXPECT_EQ(messaging::render("unclosed {org", {{"org", "A"}}), "unclosed {org");
}

TEST(SmsTemplates, ProblemsAreNamed) {
  EXPECT_FALSE(messaging::template_problem("{org}: on {date}"));
  EXPECT_TRUE(messaging::template_problem(""));
  EXPECT_TRUE(messaging::template_problem("{password}"));
  EXPECT_TRUE(messaging::template_problem("{org"));
  EXPECT_TRUE(messaging::template_problem(std::string(481, 'x')));
  for (const auto& k : messaging::template_kinds())
    EXPECT_FALSE(messaging::template_problem(k.default_body)) << k.kind;
}

TEST(SmsSender, BackoffDoublesAndIsCapped) {
  using namespace std::chrono_literals;
  EXPECT_EQ(messaging::retry_delay_ms(1, 5s), 5000);
  EXPECT_EQ(messaging::retry_delay_ms(2, 5s), 10000);
  EXPECT_EQ(messaging::retry_delay_ms(4, 5s), 40000);
  EXPECT_EQ(messaging::retry_delay_ms(40, 5s), 3'600'000);
}

TEST(Amounts, FormattedWithThousandsSeparators) {
  EXPECT_EQ(messaging::format_amount(0, "USD"), "$0.00");
  EXPECT_EQ(messaging::format_amount(23448, "USD"), "$234.48");
  EXPECT_EQ(messaging::format_amount(123456789, "USD"), "$1,234,567.89");
  EXPECT_EQ(messaging::format_amount(-505, "EUR"), "-EUR 5.05");
}
