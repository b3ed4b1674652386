// Migration 0037 `accounts` on a database that already has people (issue 14
// item 4): every existing user becomes an account (address and password
// hash) plus its membership, sessions and ids survive, and the address
// signs in as before. Run on both engines; PostgreSQL upgrades a schema of
// its own, so the shared, already migrated test database is untouched.
#include <gtest/gtest.h>

#include <string>

#include "crypto/random.hpp"
#include "identity/accounts.hpp"
#include "identity/clock.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "store/migrations.gen.hpp"
#include "test_databases.hpp"

namespace bulwark {
namespace {

using store::Sql;
using store::generated::kMigrations;

class AccountsMigration : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto url = testing::test_database_url(GetParam());
    if (url.empty()) GTEST_SKIP() << testing::kNeedsPostgres;
    pg_ = GetParam() == "postgres";
    if (pg_) {
      base_url_ = url;
      schema_ = "upgrade_" + crypto::random_hex(6);
      // The name is random hex, still passed as a parameter, never spliced.
      open(url)->with_connection([&](store::Connection& c) {
        c.query(Sql("SELECT set_config('bulwark.new_schema', $1, false)"), {schema_});
        c.execute_script(
            Sql("DO $$ BEGIN EXECUTE 'CREATE SCHEMA ' || "
                "quote_ident(current_setting('bulwark.new_schema')); END $$"));
      });
      url += "?options=-c%20search_path%3D" + schema_;
    }
    db_ = open(url);
  }
  void TearDown() override {
    db_.reset();
    if (pg_ && !schema_.empty())
      open(base_url_)->with_connection([&](store::Connection& c) {
        c.query(Sql("SELECT set_config('bulwark.drop_schema', $1, false)"), {schema_});
        c.execute_script(
            Sql("DO $$ BEGIN EXECUTE 'DROP SCHEMA ' || "
                "quote_ident(current_setting('bulwark.drop_schema')) || ' CASCADE'; "
                "END $$"));
      });
  }

  static std::unique_ptr<store::Database> open(const std::string& url) {
    store::DatabaseOptions o;
    o.url = url;
    o.pool_size = 1;
    return store::open_database(o);
  }

  // The schema as release 36 left it, recorded as applied with its checksums.
  void migrate_to_36() {
    db_->with_connection([&](store::Connection& c) {
      c.execute_script(
          Sql("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
              "applied_at BIGINT NOT NULL, checksum TEXT)"));
      for (const auto& m : kMigrations) {
        if (m.version > 36) break;
        const auto text = pg_ ? m.postgres : m.sqlite;
        c.execute_script(text);
        c.query(Sql("INSERT INTO schema_migrations (version, name, applied_at, checksum) "
                    "VALUES ($1, $2, 0, $3)"),
                {std::int64_t{m.version}, std::string(m.name), crypto::sha256_hex(text.text())});
      }
    });
  }

  std::int64_t old_user(std::int64_t org, const std::string& email, const std::string& hash) {
    std::int64_t id = 0;
    db_->with_connection([&](store::Connection& c) {
      id = c.query(Sql("INSERT INTO users (org_id, email, name, role, password_hash, active, "
                       "created_at, updated_at) VALUES ($1, $2, 'Old Timer', 'dispatcher', $3, "
                       "1, 5, 5) RETURNING id"),
                   {org, email, hash})
               .rows.at(0)
               .integer(0);
    });
    return id;
  }

  bool pg_ = false;
  std::string base_url_, schema_;
  std::unique_ptr<store::Database> db_;
};

TEST_P(AccountsMigration, existing_users_become_accounts_with_their_memberships_ISSUE14_4) {
  migrate_to_36();
  std::int64_t org_a = 0, org_b = 0;
  db_->transaction([&](store::Connection& c) {
    org_a = identity::create_org(c, "a-" + crypto::random_token(4), "A").id;
    org_b = identity::create_org(c, "b-" + crypto::random_token(4), "B").id;
  });
  const auto ann = old_user(org_a, "ann@example.com", "$2b$12$annhashannhashannhashannhash");
  const auto bob = old_user(org_b, "bob@example.com", "$2b$12$bobhashbobhashbobhashbobhash");
  // A session as release 36 wrote it (raw SQL: today's create_session reads
  // columns that later migrations add).
  identity::NewSession session;
  session.token = crypto::random_token(32);
  db_->with_connection([&](store::Connection& c) {
    const auto now = identity::now_ms();
    c.query(Sql("INSERT INTO sessions (org_id, token_hash, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at, client_ip) VALUES ($1, $2, $3, 'csrf', $4, $4, $5, "
                "'127.0.0.1')"),
            {org_a, crypto::sha256_hex(session.token), ann, now, now + 3'600'000});
  });

  const auto report = store::migrate(*db_);
  EXPECT_EQ(report.applied, static_cast<int>(std::size(kMigrations)) - 36);

  const auto creds = identity::find_credentials(*db_, "ann@example.com");
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->user.id, ann);
  EXPECT_EQ(creds->user.org_id, org_a);
  EXPECT_EQ(creds->password_hash, "$2b$12$annhashannhashannhashannhash");
  const auto bob_creds = identity::find_credentials(*db_, "BOB@example.com ");
  ASSERT_TRUE(bob_creds);
  EXPECT_EQ(bob_creds->user.id, bob);
  EXPECT_NE(bob_creds->account_id, creds->account_id);
  // The session made before the upgrade still finds its person.
  const auto found = identity::find_session(*db_, session.token, identity::SessionPolicy{});
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, ann);
  EXPECT_EQ(found->email, "ann@example.com");

  // Ann joins B: one account, two memberships; B cannot hold the address twice.
  db_->transaction([&](store::Connection& c) {
    identity::add_member(c, org_b, creds->account_id, "ann@example.com", "Ann",
                         security::Role::viewer);
    EXPECT_EQ(identity::memberships_of(c, creds->account_id).size(), 2u);
  });
  EXPECT_THROW(db_->transaction([&](store::Connection& c) {
    identity::add_member(c, org_b, creds->account_id, "ann@example.com", "Ann",
                         security::Role::viewer);
  }),
               store::ConstraintViolation);
  // A second account cannot take an address that already signs in.
  EXPECT_THROW(db_->transaction([&](store::Connection& c) {
    identity::create_user(c, org_b, "ann@example.com", "Imposter", security::Role::owner,
                          "$2b$12$x");
  }),
               store::ConstraintViolation);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsMigration, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark
