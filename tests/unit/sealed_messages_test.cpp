// SMS phone numbers and bodies at rest (issue 13 item 1, "At Rest: AES-256"):
// what is written is sealed, what the office reads is plain, and the start-up
// pass seals rows written before migration 0020, once, on both engines.
#include <gtest/gtest.h>

#include "domain/messaging/repo.hpp"
#include "privacy/seal_plain_messages.hpp"
#include "store/org_tx.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;
using store::Sql;

class SealedMessagesTest : public bulwark::testing::EngineTest {
 protected:
  std::int64_t plain_message(std::int64_t org, const std::string& phone, const std::string& body) {
    return db_
        ->query(Sql("INSERT INTO sms_messages (org_id, direction, kind, phone, body, status, "
                    "created_at, updated_at) VALUES ($1, 'inbound', 'reply', $2, $3, "
                    "'received', 1, 1) RETURNING id"),
                {org, phone, body})
        .rows.at(0)
        .integer(0);
  }
  struct Raw {
    std::string phone, body, row_key;
  };
  Raw raw(std::int64_t id) {
    const auto r = db_->query(
        Sql("SELECT phone, body, COALESCE(row_key, '') FROM sms_messages WHERE id = $1"), {id});
    return {r.rows.at(0).text(0), r.rows.at(0).text(1), r.rows.at(0).text(2)};
  }
};

TEST_P(SealedMessagesTest, AtRestAes256PlainMessagesAreSealedOnceAndReadBackPlain) {
  const auto org = new_org("sealmsg", "Sealing");
  const auto first = plain_message(org, "+15550104477", "Gate code is 4417, dog is friendly");
  const auto second = plain_message(org, "+15550104478", "Running late");
  EXPECT_GE(privacy::seal_plain_rows_messages(*db_), 2);
  const auto sealed = raw(first);
  EXPECT_FALSE(sealed.row_key.empty());
  EXPECT_EQ(sealed.body.find("4417"), std::string::npos);
  EXPECT_EQ(sealed.phone.find("0104477"), std::string::npos);
  // A second pass (another instance starting) leaves sealed rows alone.
  privacy::seal_plain_rows_messages(*db_);
  EXPECT_EQ(raw(first).row_key, sealed.row_key);
  EXPECT_EQ(raw(first).body, sealed.body);

  const auto rows = store::read_org(*db_, org, [](store::OrgTx& tx) {
    return domain::messaging::repo::messages(tx, domain::messaging::MessageQuery{});
  });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, second);
  EXPECT_EQ(rows[0].body, "Running late");
  EXPECT_EQ(rows[1].phone, "+15550104477");
  EXPECT_EQ(rows[1].body, "Gate code is 4417, dog is friendly");
}

TEST_P(SealedMessagesTest, AtRestAes256ABodyMovedToAnotherMessageDoesNotOpen) {
  const auto org = new_org("sealmv", "Moving");
  const auto a = plain_message(org, "+15550100001", "first");
  const auto b = plain_message(org, "+15550100002", "second");
  privacy::seal_plain_rows_messages(*db_);
  db_->query(Sql("UPDATE sms_messages SET body = $1 WHERE id = $2"), {raw(a).body, b});
  EXPECT_THROW(store::read_org(*db_, org,
                               [](store::OrgTx& tx) {
                                 return domain::messaging::repo::messages(
                                     tx, domain::messaging::MessageQuery{});
                               }),
               store::FieldSealError);
}

INSTANTIATE_TEST_SUITE_P(Engines, SealedMessagesTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
