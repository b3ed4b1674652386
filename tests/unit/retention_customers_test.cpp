// Retention of soft-deleted customers and invoices' billing snapshots
// (issue 13 item 5; domain/retention/), on both engines, with the sweep's
// clock moved past the organization's retention periods.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "area_org_fixture.hpp"
#include "domain/retention/customer_purge.hpp"
#include "domain/retention/invoice_snapshot.hpp"
#include "domain/retention/settings.hpp"
#include "privacy/seal_plain_customers.hpp"
#include "store/blob_store.hpp"

namespace bulwark::testing {
namespace {

using store::Sql;
namespace retention = domain::retention;

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kDeletedAt = 1'600'000'000'000;  // 2020-09-13
constexpr std::int64_t kSevenYears = 7 * retention::kYearMs;

class RetentionCustomers : public OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    if (IsSkipped()) return;
    dir_ = std::filesystem::temp_directory_path() /
           ("bulwark-retention-" + std::to_string(::getpid()) + "-" + GetParam() + "-" +
            std::to_string(org_));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    blobs_.emplace(dir_.string());
    seed();
  }
  void seal_plain() {
    privacy::seal_plain_rows_customers(*db_, org_);
    privacy::seal_plain_rows_sms_consent(*db_, org_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    OrgFixture::TearDown();
  }

  // The customer with a phone, a site, a work order with a message, an
  // attachment and an invoice, soft-deleted at kDeletedAt.
  void seed() {
    db_->transaction([&](store::Connection& c) {
      // Written plain (as before issue 13), then sealed by the upgrade pass below.
      c.query(Sql("UPDATE customers SET name = 'Cora Tank', phone = '+15550001111', "
                  "email = 'cora@example.com', billing_address = '9 Tank Ln', notes = '', "
                  "row_key = NULL WHERE org_id = $1 AND id = $2"),
              {org_, customer_});
      wo_ = c.query(Sql("INSERT INTO work_orders (org_id, number, title, description, type, "
                        "priority, status, customer_id, site_id, created_by, created_at, "
                        "updated_at) VALUES ($1, 1, 'Pump out', 'Dog in yard', 'corrective', "
                        "'low', 'completed', $2, $3, $4, 1, 1) RETURNING id"),
                    {org_, customer_, site_, tech_})
                .rows.at(0)
                .integer(0);
      c.query(Sql("INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, "
                  "phone, body, status, created_at, updated_at) VALUES ($1, $2, $3, 'outbound', "
                  "'on_the_way', '+15550001111', 'On the way', 'sent', 1, 1)"),
              {org_, customer_, wo_});
      c.query(Sql("INSERT INTO sms_consent (org_id, phone_bidx, row_key, phone, state, changed_at, "
                  "source) VALUES ($1, 'plain:+15550001111', NULL, '+15550001111', 'opted_out', "
                  "1, 'customer_sms')"),
              {org_});
      c.query(Sql("INSERT INTO invoices (org_id, number, work_order_id, customer_id, status, "
                  "total_cents, created_at, updated_at) VALUES ($1, 1, $2, $3, 'open', 4200, $4, "
                  "$4)"),
              {org_, wo_, customer_, kDeletedAt - 30 * kDay});
    });
    seal_plain();
    blob_ = store::BlobStore::new_key();
    in_org([&](store::OrgTx& tx) { blobs_->put(tx, blob_, "png-bytes"); });
    db_->query(Sql("INSERT INTO attachments (org_id, owner_kind, owner_id, uploaded_by, mime, "
                   "size_bytes, sha256, blob_key, created_at) VALUES ($1, 'work_order', $2, $3, "
                   "'image/png', 9, 'x', $4, 1)"),
               {org_, wo_, tech_, blob_});
    db_->query(Sql("UPDATE customers SET deleted_at = $2 WHERE org_id = $1 AND id = $3"),
               {org_, kDeletedAt, customer_});
  }

  retention::CustomerPurgeCounts sweep(std::int64_t now) {
    return retention::purge_expired_customers(*db_, *blobs_, dir_.string(), now);
  }
  // COUNT(*) of a statement whose $1 is the organization and $2 the customer.
  std::int64_t count(Sql sql) { return db_->query(sql, {org_, customer_}).rows.at(0).integer(0); }
  std::int64_t purged() {
    return count(
        Sql("SELECT COUNT(*) FROM customers WHERE org_id = $1 AND id = $2 "
            "AND purged_at IS NOT NULL"));
  }
  std::vector<std::string> purge_entries() {
    std::vector<std::string> out;
    for (const auto& r :
         db_->query(Sql("SELECT fields FROM audit_log WHERE org_id = $1 AND action = "
                        "'retention.customers_purged' ORDER BY seq"),
                    {org_})
             .rows)
      out.push_back(r.text(0));
    return out;
  }
  bool blob_exists() {
    return in_org([&](store::OrgTx& tx) { return blobs_->get(tx, blob_).has_value(); });
  }

  std::filesystem::path dir_;
  std::optional<store::BlobStore> blobs_;
  std::string blob_;
  std::int64_t wo_ = 0;
};

TEST_P(RetentionCustomers, retention_customers_7y_not_purged_before_their_retention_ends) {
  sweep(kDeletedAt + kSevenYears - kDay);
  EXPECT_EQ(purged(), 0);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM sites WHERE org_id = $1")), 1);
  EXPECT_TRUE(blob_exists());
  EXPECT_TRUE(purge_entries().empty());
}

TEST_P(RetentionCustomers, retention_customers_7y_purged_with_sites_messages_files_work_kept) {
  sweep(kDeletedAt + kSevenYears + kDay);
  // The stub is sealed like every customer row.
  const auto stub = db_->query(
      Sql("SELECT name, row_key FROM customers WHERE org_id = $1 AND id = $2"), {org_, customer_});
  EXPECT_EQ(in_org([&](store::OrgTx& tx) {
              return tx.open("customers", "name", stub.rows.at(0).text(1), stub.rows.at(0).text(0));
            }),
            std::string(retention::kDeletedCustomer));
  EXPECT_EQ(count(Sql("SELECT COUNT(*) FROM customers WHERE org_id = $1 AND id = $2 AND phone "
                      "IS NULL AND email IS NULL AND phone_bidx IS NULL AND purged_at IS NOT "
                      "NULL")),
            1);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM sites WHERE org_id = $1")), 0);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM sms_messages WHERE org_id = $1")), 0);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM sms_consent WHERE org_id = $1")),
            0);  // no other customer has the number
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM attachments WHERE org_id = $1")), 0);
  EXPECT_FALSE(blob_exists());
  // The work order stays, anonymised, still naming the (stub) customer.
  EXPECT_EQ(count(Sql("SELECT COUNT(*) FROM work_orders WHERE org_id = $1 AND customer_id = $2 "
                      "AND site_id IS NULL AND description = '[erased]'")),
            1);
  // The invoice keeps its buyer in the sealed snapshot.
  const auto invoice = db_->query(Sql("SELECT id, billing_snapshot FROM invoices WHERE org_id = "
                                      "$1"),
                                  {org_});
  EXPECT_EQ(invoice.rows.at(0).text(1).find("Cora"), std::string::npos);
  const auto snap = in_org([&](store::OrgTx& tx) {
    return retention::billing_snapshot(tx, invoice.rows.at(0).integer(0));
  });
  ASSERT_TRUE(snap.has_value());
  EXPECT_EQ(snap->name, "Cora Tank");
  EXPECT_EQ(snap->billing_address, "9 Tank Ln");
  EXPECT_EQ(snap->email.value_or(""), "cora@example.com");
  // One audit entry with counts, never names.
  const auto entries = purge_entries();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_NE(entries[0].find("customers=1"), std::string::npos) << entries[0];
  EXPECT_NE(entries[0].find("sites=1"), std::string::npos) << entries[0];
  EXPECT_EQ(entries[0].find("Cora"), std::string::npos);
}

TEST_P(RetentionCustomers, retention_customers_consent_kept_when_another_customer_has_the_number) {
  db_->query(Sql("INSERT INTO customers (org_id, name, phone, created_at, updated_at) VALUES "
                 "($1, 'Other', '+15550001111', 0, 0)"),
             {org_});
  seal_plain();
  sweep(kDeletedAt + kSevenYears + kDay);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM sms_consent WHERE org_id = $1")), 1);
  EXPECT_EQ(purged(), 1);
}

TEST_P(RetentionCustomers, retention_customers_period_is_the_organizations_setting) {
  const auto changed = in_org([&](store::OrgTx& tx) {
    retention::RetentionChange in;
    in.customer_retention_years = retention::Years{1};
    return retention::change_settings(tx, actor(owner_), in);
  });
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->customer_retention_years, 1);
  EXPECT_EQ(changed->invoice_retention_years, retention::kDefaultInvoiceYears);
  EXPECT_EQ(audit_actions().back(), "org.retention_changed");
  sweep(kDeletedAt + retention::kYearMs + kDay);
  EXPECT_EQ(purged(), 1);
}

TEST_P(RetentionCustomers, retention_customers_sweep_twice_and_by_two_instances_deletes_once) {
  const auto now = kDeletedAt + kSevenYears + kDay;
  std::thread a([&] { sweep(now); });
  std::thread b([&] { sweep(now); });
  a.join();
  b.join();
  sweep(now);
  const auto entries = purge_entries();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_NE(entries[0].find("customers=1"), std::string::npos);
  EXPECT_EQ(purged(), 1);
}

TEST_P(RetentionCustomers, retention_invoices_snapshot_removed_when_the_invoice_retention_ends) {
  const auto now = kDeletedAt + kSevenYears + kDay;
  sweep(now);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) + 0 * $2 FROM invoices WHERE org_id = $1 AND "
                      "billing_snapshot IS NOT NULL")),
            1);
  // Issued 30 days before the deletion: its 7 years end 30 days earlier.
  EXPECT_GE(retention::expire_invoice_snapshots(*db_, now), 1);
  EXPECT_EQ(count(Sql("SELECT COUNT(*) FROM invoices WHERE org_id = $1 AND customer_id = $2 AND "
                      "billing_snapshot IS NULL AND snapshot_removed_at IS NOT NULL")),
            1);
  EXPECT_EQ(retention::expire_invoice_snapshots(*db_, now), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, RetentionCustomers, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark::testing
