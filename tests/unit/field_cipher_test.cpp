// The field cipher and key hierarchy of issue 13 item 1 (policy: "At Rest:
// AES-256"; the spec gives the row no MUST id, so tests say AtRestAes256).
#include "crypto/field_cipher.hpp"

#include <gtest/gtest.h>

#include <map>

#include "crypto/master_key.hpp"
#include "crypto/random.hpp"

namespace {

using namespace bulwark;
using namespace bulwark::crypto;

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

// McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 13-16
// (AES-256), as used by NIST's GCM validation.
TEST(AtRestAes256, NistGcmVectorsThroughThePrimitive) {
  const std::string zero_key(32, '\0'), zero_iv(12, '\0');
  auto empty = gcm_seal(zero_key, zero_iv, "", "");
  ASSERT_TRUE(empty);
  EXPECT_EQ(to_hex(*empty), "530f8afbc74536b9a963b4f1c4cb738b");
  auto block = gcm_seal(zero_key, zero_iv, "", std::string(16, '\0'));
  ASSERT_TRUE(block);
  EXPECT_EQ(to_hex(*block),
            "cea7403d4d606b6e074ec5d3baf39d18"
            "d0d1c8a799996bf0265b98b5d48ab919");
  // Test case 16: key, IV, plaintext and associated data all non-zero.
  const auto key = unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  const auto iv = unhex("cafebabefacedbaddecaf888");
  const auto pt = unhex(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24"
      "49a6b525b16aedf5aa0de657ba637b39");
  const auto aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  auto sealed = gcm_seal(key, iv, aad, pt);
  ASSERT_TRUE(sealed);
  EXPECT_EQ(to_hex(*sealed),
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b0"
            "8b1056828838c5f61e6393ba7a0abcc9f662"
            "76fc6ece0f4e1768cddf8853bb2d551b");
  auto opened = gcm_open(key, iv, aad, sealed->substr(0, pt.size()), sealed->substr(pt.size()));
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, pt);
}

struct FieldCipher : ::testing::Test {
  std::string key = random_bytes(32);
  std::string row_key = new_row_key();
  std::map<std::uint32_t, std::string> keys{{7, key}};
  KeyLookup lookup = [this](std::uint32_t id) -> const std::string* {
    auto it = keys.find(id);
    return it == keys.end() ? nullptr : &it->second;
  };
  FieldContext where() const { return {42, "customers", "name", row_key}; }
  std::string seal(std::string_view text) { return *seal_field(key, 7, where(), text); }
};

TEST_F(FieldCipher, AtRestAes256RoundTripAndEnvelopeLayout) {
  const auto env = seal("Ada Lovelace");
  ASSERT_EQ(env.size(), kEnvelopeHeaderBytes + 12);
  EXPECT_EQ(env[0], 1);
  EXPECT_EQ(env.substr(1, 4), std::string("\0\0\0\x07", 4));
  EXPECT_EQ(env.find("Ada"), std::string::npos);
  EXPECT_NE(seal("Ada Lovelace"), env) << "random nonce: equal texts seal differently";
  auto back = open_field(lookup, where(), env);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "Ada Lovelace");
  auto empty = open_field(lookup, where(), seal(""));
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "");
}

TEST_F(FieldCipher, AtRestAes256TamperedTagNonceCiphertextOrKeyIdFails) {
  const auto env = seal("555-0100");
  for (std::size_t at : {std::size_t{5}, std::size_t{5 + 12}, kEnvelopeHeaderBytes}) {
    auto bad = env;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    auto r = open_field(lookup, where(), bad);
    ASSERT_FALSE(r) << "byte " << at;
    EXPECT_EQ(r.error(), CipherError::authentication_failed);
  }
  auto other_id = env;
  other_id[4] = 8;
  auto unknown = open_field(lookup, where(), other_id);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error(), CipherError::unknown_key);
  keys[8] = key;  // the same key under another id still fails: the id is in the AAD
  auto relabelled = open_field(lookup, where(), other_id);
  ASSERT_FALSE(relabelled);
  EXPECT_EQ(relabelled.error(), CipherError::authentication_failed);
}

TEST_F(FieldCipher, AtRestAes256MovedToAnotherRowColumnOrTenantFails) {
  const auto env = seal("gate 4411");
  const std::string other_row = new_row_key();
  for (FieldContext moved :
       {FieldContext{43, "customers", "name", row_key}, FieldContext{42, "sites", "name", row_key},
        FieldContext{42, "customers", "phone", row_key},
        FieldContext{42, "customers", "name", other_row}}) {
    auto r = open_field(lookup, moved, env);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), CipherError::authentication_failed);
  }
  std::map<std::uint32_t, std::string> wrong{{7, random_bytes(32)}};
  auto r = open_field([&](std::uint32_t id) { return &wrong[id]; }, where(), env);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), CipherError::authentication_failed);
}

TEST_F(FieldCipher, AtRestAes256MalformedEnvelopesAreValues) {
  EXPECT_EQ(open_field(lookup, where(), "").error(), CipherError::malformed);
  EXPECT_EQ(open_field(lookup, where(), std::string(1, '\x01')).error(), CipherError::malformed);
  auto env = seal("x");
  env[0] = 2;
  EXPECT_EQ(open_field(lookup, where(), env).error(), CipherError::unsupported_version);
  EXPECT_EQ(seal_field(key, 7, FieldContext{42, "t", "c", "short"}, "x").error(),
            CipherError::bad_argument);
  EXPECT_EQ(seal_field("short key", 7, where(), "x").error(), CipherError::bad_argument);
}

TEST(AtRestAes256, MasterKeyParsesHexAndBase64Only) {
  const std::string raw = random_bytes(32);
  auto hex = parse_master_key(to_hex(raw) + "\n");
  ASSERT_TRUE(hex);
  EXPECT_EQ(hex->reveal(), raw);
  auto b64 = parse_master_key(base64(raw));
  ASSERT_TRUE(b64);
  EXPECT_EQ(b64->reveal(), raw);
  EXPECT_FALSE(parse_master_key("too short"));
  EXPECT_FALSE(parse_master_key(base64(random_bytes(31))));
  auto err = parse_master_key("not-a-key-at-all!!");
  ASSERT_FALSE(err);
  EXPECT_EQ(err.error().find("not-a-key"), std::string::npos) << "never echo the value";
  EXPECT_EQ(master_fingerprint(*hex).size(), 16u);
  EXPECT_NE(master_fingerprint(*hex), master_fingerprint(Secret(random_bytes(32))));
}

TEST(AtRestAes256, KeyWrapRoundTripAndWrongMasterRefuses) {
  const Secret master(random_bytes(32)), other(random_bytes(32));
  const std::string data_key = random_bytes(32);
  const auto wrapped = wrap_key(master, 5, 1, "data", data_key);
  EXPECT_EQ(wrapped.find(to_hex(data_key)), std::string::npos);
  auto back = unwrap_key(master, 5, 1, "data", wrapped);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, data_key);
  EXPECT_FALSE(unwrap_key(other, 5, 1, "data", wrapped));
  EXPECT_FALSE(unwrap_key(master, 6, 1, "data", wrapped)) << "another org";
  EXPECT_FALSE(unwrap_key(master, 5, 2, "data", wrapped)) << "another key id";
  EXPECT_FALSE(unwrap_key(master, 5, 1, "blind_index", wrapped)) << "another purpose";
  EXPECT_FALSE(unwrap_key(master, 5, 1, "data", "zz"));
}

TEST(AtRestAes256, EscrowCopyRoundTripsAndFindsTheMistypedLine) {
  const Secret master(random_bytes(32));
  const auto text = escrow_text(master);
  auto back = parse_escrow(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->reveal(), master.reveal());
  auto typo = text;
  const auto second_line = typo.find('\n') + 1;
  typo[second_line] = typo[second_line] == '0' ? '1' : '0';
  auto bad = parse_escrow(typo);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("line 2"), std::string::npos);
  EXPECT_FALSE(parse_escrow("abcd\n"));
}

}  // namespace
