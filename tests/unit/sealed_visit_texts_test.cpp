// The free text of a visit at rest (issue 13 item 1, migration 0024): the
// start-up pass seals the rows written before it (descriptions, comments,
// time notes, checklist values, completion records), once, on both engines;
// the repositories read them back plain; a sealed text moved to another row
// does not open.
#include <gtest/gtest.h>

#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/repo.hpp"
#include "identity/users.hpp"
#include "privacy/seal_plain_texts.hpp"
#include "store/org_tx.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;
using store::Sql;
namespace wo = domain::work_orders;

class SealedVisitTextsTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("sealvisit", "Visits");
    db_->transaction([&](store::Connection& c) {
      user_ = identity::create_user(c, org_, "tech-" + crypto::random_token(6) + "@x.example",
                                    "Tech", security::Role::technician, "x")
                  .id;
    });
  }
  // Rows as written before migration 0024: row_key NULL, plain text.
  std::int64_t plain_work_order(const std::string& description) {
    const auto id = insert(Sql("INSERT INTO work_orders (org_id, number, title, description, "
                               "type, priority, status, created_by, created_at, updated_at) "
                               "VALUES ($1, $2, 'Pump', $3, 'corrective', 'low', 'open', 0, 1, "
                               "1) RETURNING id"),
                           {org_, ++number_, description});
    insert(Sql("INSERT INTO work_order_comments (org_id, work_order_id, author_id, body, "
               "created_at) VALUES ($1, $2, $3, $4, 1) RETURNING id"),
           {org_, id, user_, "comment " + description});
    insert(Sql("INSERT INTO work_order_time (org_id, work_order_id, user_id, minutes, note, "
               "created_at) VALUES ($1, $2, $3, 30, $4, 1) RETURNING id"),
           {org_, id, user_, "note " + description});
    insert(Sql("INSERT INTO work_order_checklist (org_id, work_order_id, label, kind, value, "
               "done, created_at) VALUES ($1, $2, 'Condition', 'text', $3, 1, 1) RETURNING id"),
           {org_, id, "value " + description});
    insert(Sql("INSERT INTO completion_records (org_id, work_order_id, record, sha256, "
               "completed_by, completed_at) VALUES ($1, $2, $3, 'x', $4, 1) RETURNING id"),
           {org_, id, "record " + description, user_});
    return id;
  }
  std::int64_t insert(Sql sql, std::initializer_list<store::Value> params) {
    return db_->query(sql, params).rows.at(0).integer(0);
  }
  // Every stored text and key of one work order's rows, joined.
  std::string raw(std::int64_t id) {
    const auto r = db_->query(
        Sql("SELECT w.description || COALESCE(w.row_key, '-') || c.body || "
            "COALESCE(c.row_key, '-') || t.note || COALESCE(t.row_key, '-') || k.value || "
            "COALESCE(k.row_key, '-') || r.record || COALESCE(r.row_key, '-') "
            "FROM work_orders w JOIN work_order_comments c ON c.work_order_id = w.id "
            "JOIN work_order_time t ON t.work_order_id = w.id "
            "JOIN work_order_checklist k ON k.work_order_id = w.id "
            "JOIN completion_records r ON r.work_order_id = w.id WHERE w.id = $1"),
        {id});
    return r.rows.at(0).text(0);
  }
  std::int64_t org_ = 0, user_ = 0, number_ = 0;
};

TEST_P(SealedVisitTextsTest, AtRestAes256PlainVisitTextsAreSealedOnceAndReadBackPlain) {
  const auto id = plain_work_order("spare key under the gnome 4417");
  EXPECT_NE(raw(id).find("4417"), std::string::npos);
  EXPECT_GE(privacy::seal_plain_rows_texts(*db_), 5);
  const auto sealed = raw(id);
  EXPECT_EQ(sealed.find("4417"), std::string::npos);
  EXPECT_EQ(sealed.find("-"), std::string::npos) << "a row without a key";
  // A second pass (another instance starting) leaves sealed rows alone.
  privacy::seal_plain_rows_texts(*db_);
  EXPECT_EQ(raw(id), sealed);

  store::read_org(*db_, org_, [&](store::OrgTx& tx) {
    EXPECT_EQ(wo::repo::find(tx, id, std::nullopt)->description, "spare key under the gnome 4417");
    EXPECT_EQ(wo::repo::comments(tx, id).at(0).body, "comment spare key under the gnome 4417");
    EXPECT_EQ(wo::repo::time_entries(tx, id).at(0).note, "note spare key under the gnome 4417");
    EXPECT_EQ(wo::checklist_repo::items(tx, id).at(0).value,
              "value spare key under the gnome 4417");
    EXPECT_EQ(wo::checklist_repo::latest_completion(tx, id)->record,
              "record spare key under the gnome 4417");
  });
}

TEST_P(SealedVisitTextsTest, AtRestAes256ADescriptionMovedToAnotherWorkOrderDoesNotOpen) {
  const auto a = plain_work_order("first");
  const auto b = plain_work_order("second");
  privacy::seal_plain_rows_texts(*db_);
  db_->query(Sql("UPDATE work_orders SET description = (SELECT description FROM work_orders "
                 "WHERE id = $1) WHERE id = $2"),
             {a, b});
  EXPECT_THROW(
      store::read_org(*db_, org_, [&](store::OrgTx& tx) { return wo::repo::find(tx, b, {}); }),
      store::FieldSealError);
}

INSTANTIATE_TEST_SUITE_P(Engines, SealedVisitTextsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
