// RFC 6238 TOTP (issue 15 item 1): the SHA-1 test vectors of RFC 6238
// appendix B, the ±1 step window, single use, base32 and the account-secret
// sealing the TOTP secret is stored under.
#include "identity/totp.hpp"

#include <gtest/gtest.h>

#include "crypto/account_secrets.hpp"

namespace {

namespace totp = bulwark::identity::totp;

const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 appendix B, SHA-1

TEST(Totp, rfc6238_sha1_test_vectors_ISSUE15_1) {
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& [time, code] : vectors)
    EXPECT_EQ(totp::code_at(kRfcSecret, totp::step_at(time), 8), code) << time;
}

TEST(Totp, accepts_one_step_either_side_and_each_step_once_ISSUE15_1) {
  const std::int64_t now = 1111111111;
  const auto step = totp::step_at(now);
  for (std::int64_t s : {step - 1, step, step + 1})
    EXPECT_EQ(totp::accept(kRfcSecret, totp::code_at(kRfcSecret, s), now, 0), s);
  EXPECT_FALSE(totp::accept(kRfcSecret, totp::code_at(kRfcSecret, step - 2), now, 0));
  EXPECT_FALSE(totp::accept(kRfcSecret, totp::code_at(kRfcSecret, step + 2), now, 0));
  // Replay: a step at or before the last accepted one is refused.
  EXPECT_FALSE(totp::accept(kRfcSecret, totp::code_at(kRfcSecret, step), now, step));
  EXPECT_FALSE(totp::accept(kRfcSecret, "12345", now, 0));
  EXPECT_FALSE(totp::accept(kRfcSecret, "", now, 0));
}

TEST(Totp, base32_round_trip_and_uri_ISSUE15_1) {
  EXPECT_EQ(totp::base32("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(totp::from_base32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"), "12345678901234567890");
  EXPECT_FALSE(totp::from_base32("not base32!"));
  EXPECT_EQ(totp::otpauth_uri("Bulwark", "a b@example.com", "12345678901234567890"),
            "otpauth://totp/Bulwark%3Aa%20b%40example.com?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bulwark&algorithm=SHA1&digits=6&period=30");
}

TEST(AccountSecrets, sealed_secret_opens_only_for_its_account_and_column_ISSUE15_1) {
  const bulwark::crypto::AccountSecrets keys(bulwark::Secret(std::string(32, 'k')));
  const auto sealed = keys.seal(7, "totp_secret", kRfcSecret);
  EXPECT_EQ(sealed.find(kRfcSecret), std::string::npos);
  EXPECT_EQ(keys.open(7, "totp_secret", sealed).value(), kRfcSecret);
  EXPECT_FALSE(keys.open(8, "totp_secret", sealed));
  EXPECT_FALSE(keys.open(7, "totp_pending_secret", sealed));
  const bulwark::crypto::AccountSecrets other(bulwark::Secret(std::string(32, 'x')));
  EXPECT_FALSE(other.open(7, "totp_secret", sealed));
  EXPECT_EQ(keys.code_mac("abc"), keys.code_mac("abc"));
  EXPECT_NE(keys.code_mac("abc"), other.code_mac("abc"));
  EXPECT_EQ(keys.code_mac("abc").size(), 64U);
}

}  // namespace
