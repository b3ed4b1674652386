// GcmKey (crypto/gcm_key.hpp): a data key whose OpenSSL contexts keep the
// key schedule, so opening a field sets only its nonce (issue 13, "Measure").
// What must hold: it opens exactly what the plain field cipher opens, two
// keys used in turn by one thread never answer for each other, a tampered
// envelope still fails (and does not spoil the next field), and the
// contexts are freed with their key (policy "At Rest: AES-256": no key
// schedule outlives the key the ring dropped).
#include "crypto/gcm_key.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <thread>
#include <vector>

#include "crypto/base64.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/random.hpp"

namespace {

using namespace bulwark;
using namespace bulwark::crypto;

struct GcmKeyTest : ::testing::Test {
  std::string row_key = new_row_key();
  FieldContext where(std::string_view column = "name") const {
    return {42, "customers", column, row_key};
  }
  // Opened through the cached key, from the envelope's bytes.
  static Expected<std::string, CipherError> open(const GcmKey& key, const FieldContext& at,
                                                 std::string_view envelope) {
    auto parsed = parse_envelope_view(envelope);
    if (!parsed) return unexpected(parsed.error());
    return open_field(key, at, *parsed);
  }
};

TEST_F(GcmKeyTest, AtRestAes256OpensWhatThePlainCipherSealsAndTheReverse) {
  const std::string raw = random_bytes(kKeyBytes);
  const GcmKey key(raw);
  const std::vector<std::string> texts{"", "Ada", "742 Evergreen Terrace, Springfield",
                                       std::string(300, 'x'), std::string("\0\x01\xff", 3)};
  for (const auto& text : texts) {
    auto sealed = seal_field(raw, 9, where(), text);  // field_cipher's own path
    ASSERT_TRUE(sealed);
    auto opened = open(key, where(), *sealed);
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, text);
    auto back = seal_field(key, 9, where(), text);  // and the cached key's seal
    ASSERT_TRUE(back);
    KeyLookup lookup = [&raw](std::uint32_t id) { return id == 9 ? &raw : nullptr; };
    auto reopened = open_field(lookup, where(), *back);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(*reopened, text);
  }
}

TEST_F(GcmKeyTest, AtRestAes256TwoKeysInOneThreadNeverAnswerForEachOther) {
  const std::string raw_a = random_bytes(kKeyBytes), raw_b = random_bytes(kKeyBytes);
  const GcmKey a(raw_a), b(raw_b);
  // The same key id on purpose: only the key's bytes tell them apart.
  const auto by_a = *seal_field(a, 1, where(), "sealed under a");
  const auto by_b = *seal_field(b, 1, where(), "sealed under b");
  for (int i = 0; i < 3; ++i) {  // in turn, so each key's context is reused
    EXPECT_EQ(*open(a, where(), by_a), "sealed under a");
    EXPECT_EQ(open(b, where(), by_a).error(), CipherError::authentication_failed);
    EXPECT_EQ(*open(b, where(), by_b), "sealed under b");
    EXPECT_EQ(open(a, where(), by_b).error(), CipherError::authentication_failed);
  }
}

TEST_F(GcmKeyTest, AtRestAes256TamperedOrMovedEnvelopeFailsAndTheNextFieldStillOpens) {
  const GcmKey key(random_bytes(kKeyBytes));
  const auto good = *seal_field(key, 3, where(), "+1 555 0100");
  for (std::size_t at : {std::size_t{5}, std::size_t{5 + kNonceBytes},  // nonce, tag
                         kEnvelopeHeaderBytes}) {                       // ciphertext
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    EXPECT_EQ(open(key, where(), bad).error(), CipherError::authentication_failed) << at;
    EXPECT_EQ(*open(key, where(), good), "+1 555 0100") << "after a failure at " << at;
  }
  EXPECT_EQ(open(key, where("phone"), good).error(), CipherError::authentication_failed);
  const std::string other_row = new_row_key();
  EXPECT_EQ(open(key, {42, "customers", "name", other_row}, good).error(),
            CipherError::authentication_failed);
  EXPECT_EQ(open(key, {43, "customers", "name", row_key}, good).error(),
            CipherError::authentication_failed);
  EXPECT_EQ(open(key, {42, "customers", "name", "short"}, good).error(),
            CipherError::authentication_failed);
}

TEST_F(GcmKeyTest, AtRestAes256ContextsAreFreedWithTheirKey) {
  const auto before = GcmKey::live_contexts();
  std::string sealed;
  {
    std::optional<GcmKey> key(std::in_place, random_bytes(kKeyBytes));
    sealed = *seal_field(*key, 1, where(), "gate 4411#");
    // Several threads at once: each takes a context of its own.
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 200; ++i) ASSERT_EQ(*open(*key, where(), sealed), "gate 4411#");
      });
    for (auto& t : threads) t.join();
    EXPECT_GT(GcmKey::live_contexts(), before);
    EXPECT_LE(GcmKey::live_contexts(), before + 5);  // one per concurrent user, not per field
    key.reset();
    EXPECT_EQ(GcmKey::live_contexts(), before) << "every context freed (and so cleansed)";
  }
}

TEST(Base64Into, DecodesLikeFromBase64AndRefusesWhatItRefuses) {
  std::string out;
  for (std::size_t n = 0; n < 70; ++n) {
    const auto bytes = random_bytes(n);
    const auto text = base64(bytes);
    ASSERT_TRUE(from_base64_into(text, out)) << n;
    EXPECT_EQ(out, bytes) << n;
    EXPECT_EQ(from_base64(text), bytes) << n;
  }
  EXPECT_TRUE(from_base64_into("-_-_", out));  // URL-safe alphabet
  EXPECT_EQ(out, *from_base64("+/+/"));
  EXPECT_TRUE(from_base64_into("QUJD", out));
  EXPECT_EQ(out, "ABC");
  EXPECT_TRUE(from_base64_into("QUI", out));  // padding optional
  EXPECT_EQ(out, "AB");
  for (const char* bad : {"QU=I", "QUJ*", "Q UJ", "QUJDRA!x", "\x80QUJ"}) {
    EXPECT_FALSE(from_base64_into(bad, out)) << bad;
    EXPECT_FALSE(from_base64(bad)) << bad;
  }
}

}  // namespace
