// One suite, two engines: SQLite always, PostgreSQL when
// BULWARK_TEST_DATABASE_URL names one (scripts/test.sh starts it).
#include "store/database.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>

#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "crypto/random.hpp"
#include "identity/login_throttle.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "test_databases.hpp"
#include "webhooks/event_log.hpp"

using namespace bulwark;
using namespace bulwark::store;

namespace {

class DatabaseTest : public bulwark::testing::EngineTest {
 protected:
  DatabaseTest() : EngineTest(4) {}
  void prepare() override {
    // Each test gets its own scratch table (PostgreSQL is shared between runs).
    table_suffix_ = std::to_string(::getpid());
    db_->with_connection([](Connection& c) {
      c.execute_script(Sql("DROP TABLE IF EXISTS scratch"));
      c.execute_script(
          Sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY, name TEXT UNIQUE, "
              "n BIGINT, x DOUBLE PRECISION)"));
    });
  }
  void TearDown() override {
    if (db_)
      db_->with_connection(
          [](Connection& c) { c.execute_script(Sql("DROP TABLE IF EXISTS scratch")); });
  }
  std::string table_suffix_;
};

}  // namespace

TEST_P(DatabaseTest, must_002_values_are_bound_not_interpolated) {
  const std::string evil = "x'); DROP TABLE scratch; --";
  db_->query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2)"), {std::int64_t{1}, evil});
  auto r = db_->query(Sql("SELECT name FROM scratch WHERE name = $1"), {evil});
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].text(0), evil);
}

TEST_P(DatabaseTest, RepeatedPlaceholderNullsExtremesAndUnicode) {
  const auto big = std::numeric_limits<std::int64_t>::max();
  const auto small = std::numeric_limits<std::int64_t>::min();
  db_->query(Sql("INSERT INTO scratch (id, name, n, x) VALUES ($1, $2, $3, $4)"),
             {std::int64_t{1}, std::string("caf\xC3\xA9 \xF0\x9F\x9A\xBD"), big, 2.5});
  db_->query(Sql("INSERT INTO scratch (id, name, n, x) VALUES ($1, $2, $3, $4)"),
             {std::int64_t{2}, nullptr, small, nullptr});
  auto r = db_->query(Sql("SELECT id, name, n, x FROM scratch WHERE id = $1 OR n = $2 OR id = $1 "
                          "ORDER BY id"),
                      {std::int64_t{1}, small});
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].text(1), "caf\xC3\xA9 \xF0\x9F\x9A\xBD");
  EXPECT_EQ(r.rows[0].integer(2), big);
  EXPECT_DOUBLE_EQ(r.rows[0].real(3), 2.5);
  EXPECT_TRUE(r.rows[1].is_null(1));
  EXPECT_EQ(r.rows[1].integer(2), small);
  EXPECT_FALSE(r.rows[1].optional_integer(3).has_value());
}

TEST_P(DatabaseTest, AffectedRowsAndReturning) {
  auto ins = db_->query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2) RETURNING id"),
                        {std::int64_t{7}, std::string("seven")});
  EXPECT_EQ(ins.rows.at(0).integer(0), 7);
  auto upd = db_->query(Sql("UPDATE scratch SET n = $1"), {std::int64_t{3}});
  EXPECT_EQ(upd.affected, 1);
}

TEST_P(DatabaseTest, TransactionCommitsOrRollsBack) {
  db_->transaction([](Connection& c) {
    c.query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2)"),
            {std::int64_t{1}, std::string("a")});
  });
  EXPECT_THROW(db_->transaction([](Connection& c) {
    c.query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2)"),
            {std::int64_t{2}, std::string("b")});
    throw std::runtime_error("handler failed");
  }),
               std::runtime_error);
  auto r = db_->query(Sql("SELECT COUNT(*) FROM scratch"));
  EXPECT_EQ(r.rows[0].integer(0), 1);
}

TEST_P(DatabaseTest, UniqueViolationIsAConstraintViolation) {
  db_->query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2)"),
             {std::int64_t{1}, std::string("a")});
  EXPECT_THROW(db_->query(Sql("INSERT INTO scratch (id, name) VALUES ($1, $2)"),
                          {std::int64_t{2}, std::string("a")}),
               ConstraintViolation);
  // The pool is still healthy afterwards.
  EXPECT_TRUE(db_->ping());
}

TEST_P(DatabaseTest, MigrationsAreIdempotentAndReported) {
  auto again = migrate(*db_);
  EXPECT_EQ(again.applied, 0);
  EXPECT_GE(again.current_version, 2);
  for (const auto& m : migration_status(*db_)) EXPECT_TRUE(m.applied) << m.name;
}

// Issue 10 item 11: the runner refuses a database whose applied migration
// text differs from this binary's, names the migration, and changes nothing.
TEST_P(DatabaseTest, migration_with_a_different_applied_text_is_refused) {
  db_->query(Sql("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3"));
  try {
    migrate(*db_);
    ADD_FAILURE() << "an edited migration was accepted";
  } catch (const MigrationRefused& e) {
    EXPECT_NE(std::string(e.what()).find("0003 \"work\""), std::string::npos) << e.what();
  }
  bool differs = false;
  for (const auto& m : migration_status(*db_))
    if (m.version == 3) differs = m.checksum == MigrationStatus::Checksum::differs;
  EXPECT_TRUE(differs);
  // A row recorded before checksums existed is adopted with this binary's checksum.
  db_->query(Sql("UPDATE schema_migrations SET checksum = NULL WHERE version = 3"));
  EXPECT_EQ(migrate(*db_).adopted, 1);
  EXPECT_EQ(migrate(*db_).adopted, 0);
}

TEST_P(DatabaseTest, a_database_with_a_migration_unknown_to_the_binary_is_refused) {
  db_->query(
      Sql("INSERT INTO schema_migrations (version, name, applied_at, checksum) "
          "VALUES (9999, 'from_the_future', 0, 'x')"));
  std::string message;
  try {
    migrate(*db_);
  } catch (const MigrationRefused& e) {
    message = e.what();
  }
  db_->query(Sql("DELETE FROM schema_migrations WHERE version = 9999"));
  EXPECT_NE(message.find("9999 \"from_the_future\""), std::string::npos) << message;
  EXPECT_NO_THROW(migrate(*db_));
}

TEST_P(DatabaseTest, AuditChainVerifiesAndDetectsAnEdit) {
  identity::Org org;
  db_->transaction([&](Connection& c) {
    org = identity::create_org(c, "audit-" + GetParam() + "-" + crypto::random_hex(6), "A");
  });
  for (int i = 0; i < 5; ++i) {
    audit::Entry e;
    e.org_id = org.id;
    e.action = "test.event";
    e.fields = {"a", "b"};
    audit::append(*db_, e);
  }
  auto problems = audit::verify(*db_);
  for (const auto& p : problems) EXPECT_NE(p.org_id, org.id) << p.what;
  audit::Query q;
  q.org_id = org.id;
  q.action = "test.";
  q.limit = 3;
  auto listed = audit::list(*db_, q);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].seq, 5);
  EXPECT_EQ(listed[0].entry.fields, (std::vector<std::string>{"a", "b"}));
}

TEST_P(DatabaseTest, LockoutDoublesOnRepeat) {
  identity::ThrottlePolicy p;
  p.max_failures = 2;
  p.lockout = std::chrono::seconds(100);
  const auto key = "account:test-" + GetParam() + crypto::random_hex(6);
  EXPECT_FALSE(identity::record_failure(*db_, key, p));
  auto first = identity::record_failure(*db_, key, p);
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, 100);
  identity::record_failure(*db_, key, p);
  auto second = identity::record_failure(*db_, key, p);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 200);
  EXPECT_TRUE(identity::locked_for(*db_, key));
  identity::clear(*db_, key);
  EXPECT_FALSE(identity::locked_for(*db_, key));
}

TEST_P(DatabaseTest, HandledWebhookEventsArePurgedAfterTheirRetention) {
  const std::int64_t now = 4'000'000'000'000;
  const std::string tag = "unit-" + table_suffix_ + "-";
  db_->query(Sql("DELETE FROM webhook_events WHERE event_id LIKE 'unit-%'"));
  db_->query(Sql("INSERT INTO webhook_events (provider, event_id, received_at) VALUES "
                 "('stripe', $1, $2), ('twilio', $3, $4)"),
             {tag + "old", now - webhooks::kEventRetentionMs - 1, tag + "new",
              now - webhooks::kEventRetentionMs + 1});
  EXPECT_GE(webhooks::purge_handled_events(*db_, now), 1);
  auto left = db_->query(Sql("SELECT event_id FROM webhook_events WHERE event_id LIKE 'unit-%'"));
  ASSERT_EQ(left.rows.size(), 1u);
  EXPECT_EQ(left.rows[0].text(0), tag + "new");
  db_->query(Sql("DELETE FROM webhook_events WHERE event_id LIKE 'unit-%'"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(DatabaseOpen, UnreachablePostgresIsUnavailableQuickly) {
  DatabaseOptions o;
  o.url = "postgresql://bulwark@127.0.0.1:1/nothing";
  o.connect_timeout_seconds = 2;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(open_database(o), DatabaseUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}
