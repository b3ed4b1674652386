// The upgrade pass of issue 13 (privacy/seal_plain_customers.cpp): rows
// written in plain text before migration 0019 are sealed, indexed and
// tokenised, once, and read back through the repositories like new ones.
#include "privacy/seal_plain_customers.hpp"

#include <gtest/gtest.h>

#include "area_org_fixture.hpp"
#include "domain/customers/repo.hpp"
#include "messaging/consent.hpp"

namespace bulwark {
namespace {

using store::Sql;
namespace customers = domain::customers;

class SealPlainCustomers : public testing::OrgFixture {
 protected:
  // As the previous release wrote them (migration 0019 copied the consent
  // row with a 'plain:' key).
  void write_plain_rows() {
    phone_ = "+1555" + std::to_string(2000000 + org_ % 999999);
    db_->transaction([&](store::Connection& c) {
      plain_customer_ =
          c.query(Sql("INSERT INTO customers (org_id, name, phone, email, billing_address, notes, "
                      "created_at, updated_at) VALUES ($1, 'Old Mill Dairy', $2, "
                      "'Office@OldMill.example', '9 Mill Lane', 'dog in yard', 5, 5) RETURNING id"),
                  {org_, phone_})
              .rows.at(0)
              .integer(0);
      plain_site_ = c.query(Sql("INSERT INTO sites (org_id, customer_id, name, address, "
                                "access_notes, gate_code, created_at, updated_at) VALUES ($1, $2, "
                                "'Barn', '10 Mill Lane', 'lid by the oak', '#7788', 5, 5) "
                                "RETURNING id"),
                            {org_, plain_customer_})
                        .rows.at(0)
                        .integer(0);
      c.query(Sql("INSERT INTO sms_consent (org_id, phone_bidx, row_key, phone, state, changed_at, "
                  "source) VALUES ($1, $2, NULL, $3, 'opted_out', 5, 'customer_sms')"),
              {org_, "plain:" + phone_, phone_});
    });
  }
  std::int64_t seal_all() {
    return privacy::seal_plain_rows_customers(*db_, org_) +
           privacy::seal_plain_rows_sites(*db_, org_) +
           privacy::seal_plain_rows_sms_consent(*db_, org_);
  }
  static std::string first(const store::Result& r) { return r.rows.at(0).text(0); }

  std::string phone_;
  std::int64_t plain_customer_ = 0, plain_site_ = 0;
};

TEST_P(SealPlainCustomers, PlainRowsAreSealedOnceAndReadBackThroughTheRepositories) {
  write_plain_rows();
  EXPECT_EQ(seal_all(), 3);
  EXPECT_EQ(seal_all(), 0);  // idempotent

  // Nothing plain is left in the rows.
  EXPECT_NE(first(db_->query(Sql("SELECT name FROM customers WHERE id = $1"), {plain_customer_})),
            "Old Mill Dairy");
  EXPECT_NE(first(db_->query(Sql("SELECT phone FROM customers WHERE id = $1"), {plain_customer_})),
            phone_);
  EXPECT_NE(first(db_->query(Sql("SELECT gate_code FROM sites WHERE id = $1"), {plain_site_})),
            "#7788");
  EXPECT_TRUE(db_->query(Sql("SELECT 1 FROM sms_consent WHERE org_id = $1 AND "
                             "(phone = $2 OR phone_bidx LIKE 'plain:%')"),
                         {org_, phone_})
                  .empty());

  store::in_org(*db_, org_, [&](store::OrgTx& tx) {
    const auto row = customers::repo::find(tx, plain_customer_);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->name.value, "Old Mill Dairy");
    EXPECT_EQ(row->phone.value, phone_);
    EXPECT_EQ(row->email.value, "Office@OldMill.example");
    EXPECT_EQ(row->billing_address.value, "9 Mill Lane");
    EXPECT_EQ(row->notes.value, "dog in yard");
    EXPECT_EQ(row->consent_state, "opted_out");  // joined by the phone's blind index
    const auto sites = customers::repo::sites(tx, plain_customer_);
    ASSERT_EQ(sites.size(), 1u);
    EXPECT_EQ(sites[0].address.value, "10 Mill Lane");
    EXPECT_EQ(sites[0].access_notes.value, "lid by the oak");
    EXPECT_EQ(sites[0].gate_code.value, "#7788");
    const auto consent = messaging::consent_for(tx.connection(), org_, phone_);
    ASSERT_TRUE(consent);
    EXPECT_TRUE(consent->by_customer());

    // The blind indexes and name tokens were filled.
    customers::CustomerQuery q;
    q.name_words = {"mil", "dairy"};
    auto found = customers::repo::list(tx, q, std::nullopt);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, plain_customer_);
    q = {};
    q.phone = phone_;
    EXPECT_EQ(customers::repo::list(tx, q, std::nullopt).size(), 1u);
    q = {};
    q.email = "office@oldmill.example";
    EXPECT_EQ(customers::repo::list(tx, q, std::nullopt).size(), 1u);
    q = {};
    q.name_words = {"mi"};  // a prefix shorter than 3 characters matches no word
    EXPECT_TRUE(customers::repo::list(tx, q, std::nullopt).empty());
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, SealPlainCustomers, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark
