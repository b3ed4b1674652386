// The key hierarchy in the database (migration 0016) and the KeyRing the
// repositories will call, on both engines (issue 13 item 1, "At Rest: AES-256").
#include "crypto/key_ring.hpp"

#include <gtest/gtest.h>

#include "crypto/gcm_key.hpp"
#include "crypto/key_store.hpp"
#include "crypto/master_key.hpp"
#include "crypto/random.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;
using namespace bulwark::crypto;

class KeyRingTest : public bulwark::testing::EngineTest {
 protected:
  // These tests make their own rings: organizations start without keys.
  void prepare() override { db_->set_field_sealer(nullptr); }
  Secret master_{random_bytes(32)};
  static std::int64_t now() { return 1'700'000'000'000; }
};

TEST_P(KeyRingTest, AtRestAes256EncryptsPerOrganizationWithKeysCreatedOnFirstUse) {
  const auto a = new_org("ring-a", "A"), b = new_org("ring-b", "B");
  KeyRing ring(*db_, Secret(std::string(master_.reveal())), now);
  const auto row_key = new_row_key();
  auto sealed = ring.encrypt(a, "customers", "phone", row_key, "+1 555 0100");
  ASSERT_TRUE(sealed);
  auto back = ring.decrypt(a, "customers", "phone", row_key, *sealed);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "+1 555 0100");
  // Another tenant's ring entry cannot open it (other key, other AAD).
  auto moved = ring.decrypt(b, "customers", "phone", row_key, *sealed);
  ASSERT_FALSE(moved);
  std::vector<StoredKey> keys;
  db_->with_connection([&](store::Connection& c) { keys = org_keys(c, a); });
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].purpose, "data");
  EXPECT_EQ(keys[1].purpose, "blind_index");
  // A second process (a fresh ring) reads the same keys back.
  KeyRing again(*db_, Secret(std::string(master_.reveal())), now);
  auto reread = again.decrypt(a, "customers", "phone", row_key, *sealed);
  ASSERT_TRUE(reread);
  EXPECT_EQ(*reread, "+1 555 0100");
  auto bi1 = ring.blind_index(a, "phone", "15550100"),
       bi2 = again.blind_index(a, "phone", "15550100");
  ASSERT_TRUE(bi1 && bi2);
  EXPECT_EQ(*bi1, *bi2);
  EXPECT_NE(*bi1, *ring.blind_index(b, "phone", "15550100"));
}

TEST_P(KeyRingTest, AtRestAes256RotateMasterRewrapsAndTheOldMasterNoLongerUnwraps) {
  const auto org = new_org("ring-rot", "Rot");
  const auto row_key = new_row_key();
  std::string sealed;
  {
    KeyRing ring(*db_, Secret(std::string(master_.reveal())), now);
    sealed = *ring.encrypt(org, "sites", "gate_code", row_key, "4411#");
  }
  // One master_ wraps every key of a database: PostgreSQL's test database is
  // shared by the suites, so the keys other tests made under their own
  // masters go first (the suites run one after another in one process).
  db_->query("DELETE FROM org_keys WHERE org_id <> $1", {org});
  db_->query("DELETE FROM master_key_fingerprint");
  ASSERT_TRUE(check_master_fingerprint(*db_, master_, now()));
  const Secret next(random_bytes(32));
  EXPECT_FALSE(check_master_fingerprint(*db_, next, now())) << "another key is refused";
  Expected<int, std::string> rotated = 0;
  db_->transaction([&](store::Connection& c) { rotated = rotate_master(c, master_, next, now()); });
  ASSERT_TRUE(rotated) << rotated.error();
  EXPECT_GE(*rotated, 2);
  EXPECT_TRUE(check_master_fingerprint(*db_, next, now()));
  auto refused = check_master_fingerprint(*db_, master_, now());
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("rotate-master"), std::string::npos);
  KeyRing ring(*db_, Secret(std::string(next.reveal())), now);
  auto back = ring.decrypt(org, "sites", "gate_code", row_key, sealed);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "4411#");
  // Rotating with a key that is not the recorded one changes nothing.
  Expected<int, std::string> wrong = 0;
  db_->transaction([&](store::Connection& c) { wrong = rotate_master(c, master_, next, now()); });
  EXPECT_FALSE(wrong);
  db_->query("DELETE FROM master_key_fingerprint");
}

// The ring keeps each data key's contexts ready (crypto/gcm_key.hpp) and
// remembers the org's keys per thread: neither may outlive a rotation.
TEST_P(KeyRingTest, AtRestAes256RotatedKeysAreNotServedFromTheCachesAndTheirContextsAreFreed) {
  const auto org = new_org("ring-cache", "Cache");
  const auto row_key = new_row_key();
  KeyRing ring(*db_, Secret(std::string(master_.reveal())), now);
  const auto contexts_before = GcmKey::live_contexts();
  const auto first = *ring.encrypt(org, "customers", "name", row_key, "Ada");
  const auto first_id = parse_envelope(first)->key_id;
  ASSERT_EQ(*ring.decrypt(org, "customers", "name", row_key, first), "Ada");
  EXPECT_GT(GcmKey::live_contexts(), contexts_before);

  // Another instance rotates: a new data key, and it seals with it.
  std::uint32_t second_id = 0;
  db_->transaction([&](store::Connection& c) { second_id = add_data_key(c, master_, org, now()); });
  ASSERT_NE(second_id, first_id);
  KeyRing other(*db_, Secret(std::string(master_.reveal())), now);
  const auto second = *other.encrypt(org, "customers", "name", row_key, "Grace");
  ASSERT_EQ(parse_envelope(second)->key_id, second_id);
  // This ring (and this thread's remembered keys) had only the first key:
  // the unknown key id makes it read the keys again, once.
  EXPECT_EQ(*ring.decrypt(org, "customers", "name", row_key, second), "Grace");
  EXPECT_EQ(parse_envelope(*ring.encrypt(org, "customers", "name", row_key, "x"))->key_id,
            second_id)
      << "sealing follows the newest key once the keys were read again";
  EXPECT_EQ(*ring.decrypt(org, "customers", "name", row_key, first), "Ada")
      << "the old key stays readable until the sweep retires it";

  // Dropping the org's keys frees every context they held (EVP_CIPHER_CTX_free
  // cleanses the key schedules); the thread's memory of them is weak.
  ring.forget(org);
  other.forget(org);
  EXPECT_EQ(GcmKey::live_contexts(), contexts_before);
  EXPECT_EQ(*ring.decrypt(org, "customers", "name", row_key, first), "Ada");

  // Tampered still fails through the cached contexts, and the next field opens.
  auto tampered = first;
  tampered.back() = static_cast<char>(tampered.back() ^ 0x01);
  EXPECT_EQ(ring.decrypt(org, "customers", "name", row_key, tampered).error(),
            CipherError::authentication_failed);
  EXPECT_EQ(*ring.decrypt(org, "customers", "name", row_key, second), "Grace");
  // Another org's ring entry never answers with this org's keys.
  const auto b = new_org("ring-cache-b", "CacheB");
  EXPECT_FALSE(ring.decrypt(b, "customers", "name", row_key, second));
}

INSTANTIATE_TEST_SUITE_P(Engines, KeyRingTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
