// The key hierarchy in the database (migration 0016) and the KeyRing the
// repositories will call, on both engines (issue 13 item 1, "At Rest: AES-256").
#include "crypto/key_ring.hpp"

#include <gtest/gtest.h>

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

INSTANTIATE_TEST_SUITE_P(Engines, KeyRingTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
