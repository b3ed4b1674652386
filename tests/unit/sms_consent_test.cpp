// Issue 10 item 5: the rules of SMS consent per phone number, on both
// engines (SQLite always, PostgreSQL when BULWARK_TEST_DATABASE_URL is set).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "crypto/random.hpp"
#include "identity/users.hpp"
#include "messaging/consent.hpp"
#include "privacy/seal_plain_customers.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
using messaging::OfficeChoice;
using store::Sql;

namespace {

class SmsConsentTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("consent", "Consent");
    phone_ = "+1555" + std::to_string(1000000 + ::getpid() % 8999999).substr(0, 7);
  }

  std::int64_t customer() {
    std::int64_t id = 0;
    db_->transaction([&](store::Connection& c) {
      id = c.query(Sql("INSERT INTO customers (org_id, name, phone, created_at, updated_at) "
                       "VALUES ($1, 'C', $2, 1, 1) RETURNING id"),
                   {org_, phone_})
               .rows.at(0)
               .integer(0);
    });
    privacy::seal_plain_rows_customers(*db_, org_);  // written plain above, sealed like an upgrade
    return id;
  }

  template <typename F>
  auto in_tx(F f) {
    decltype(f(std::declval<store::Connection&>())) out{};
    db_->transaction([&](store::Connection& c) { out = f(c); });
    return out;
  }

  std::int64_t org_ = 0;
  std::string phone_;
};

}  // namespace

TEST_P(SmsConsentTest, ATextedStopCanOnlyBeUndoneByTheNumber) {
  EXPECT_TRUE(
      in_tx([&](auto& c) { return messaging::record_texted_choice(c, org_, phone_, true, 10); }));
  EXPECT_FALSE(
      in_tx([&](auto& c) { return messaging::record_texted_choice(c, org_, phone_, true, 11); }));
  EXPECT_EQ(
      in_tx([&](auto& c) { return messaging::record_office_choice(c, org_, phone_, false, 12); }),
      OfficeChoice::refused_customer_stop);
  // The office agreeing does not take the STOP over: it stays the customer's.
  EXPECT_EQ(
      in_tx([&](auto& c) { return messaging::record_office_choice(c, org_, phone_, true, 13); }),
      OfficeChoice::unchanged);
  auto consent = in_tx([&](auto& c) { return messaging::consent_for(c, org_, phone_); });
  ASSERT_TRUE(consent);
  EXPECT_TRUE(consent->by_customer());
  EXPECT_EQ(consent->changed_at, 10);
  EXPECT_FALSE(in_tx([&](auto& c) { return messaging::may_text(c, org_, phone_, false); }));
  EXPECT_TRUE(
      in_tx([&](auto& c) { return messaging::record_texted_choice(c, org_, phone_, false, 14); }));
  EXPECT_TRUE(in_tx([&](auto& c) { return messaging::may_text(c, org_, phone_, false); }));
}

TEST_P(SmsConsentTest, TheOfficeMayClearItsOwnOptOutAndClearingNothingChangesNothing) {
  EXPECT_EQ(
      in_tx([&](auto& c) { return messaging::record_office_choice(c, org_, phone_, false, 1); }),
      OfficeChoice::unchanged);
  EXPECT_FALSE(in_tx([&](auto& c) { return messaging::consent_for(c, org_, phone_); }));
  EXPECT_EQ(
      in_tx([&](auto& c) { return messaging::record_office_choice(c, org_, phone_, true, 2); }),
      OfficeChoice::changed);
  EXPECT_EQ(
      in_tx([&](auto& c) { return messaging::record_office_choice(c, org_, phone_, false, 3); }),
      OfficeChoice::changed);
  auto consent = in_tx([&](auto& c) { return messaging::consent_for(c, org_, phone_); });
  ASSERT_TRUE(consent);
  EXPECT_EQ(consent->state, "opted_in");
  EXPECT_EQ(consent->source, "office");
}

TEST_P(SmsConsentTest, EveryRecordOfTheNumberMirrorsItsConsentAndARecordFlagAloneStillBlocks) {
  const auto a = customer(), b = customer();
  in_tx([&](auto& c) { return messaging::record_texted_choice(c, org_, phone_, true, 5); });
  auto changed =
      in_tx([&](auto& c) { return messaging::mirror_consent_to_customers(c, org_, phone_, 6); });
  EXPECT_EQ(changed, (std::vector<std::int64_t>{a, b}));
  auto flags = db_->query(Sql("SELECT sms_opt_out, sms_opt_out_by_customer FROM customers WHERE "
                              "org_id = $1 ORDER BY id"),
                          {org_});
  ASSERT_EQ(flags.rows.size(), 2u);
  for (const auto& r : flags.rows) {
    EXPECT_EQ(r.integer(0), 1);
    EXPECT_EQ(r.integer(1), 1);
  }
  EXPECT_FALSE(in_tx([&](auto& c) { return messaging::may_text(c, org_, "+15550000000", true); }));
}

INSTANTIATE_TEST_SUITE_P(Engines, SmsConsentTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
