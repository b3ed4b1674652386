#pragma once
// A migrated database (SQLite, or PostgreSQL with BULWARK_TEST_DATABASE_URL)
// with a fresh organization holding one customer, one site and one user of
// each role, for the unit tests that call a domain service directly.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "audit/actor.hpp"
#include "crypto/random.hpp"
#include "domain/customers/blind.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"
#include "store/org_tx.hpp"
#include "test_databases.hpp"

namespace bulwark::testing {

class OrgFixture : public EngineTest {
 protected:
  OrgFixture() : EngineTest(4) {}
  void prepare() override {
    db_->transaction([&](store::Connection& c) {
      org_ = identity::create_org(c, "svc-" + crypto::random_token(6), "Service test").id;
    });
    // The organization's keys are readable once its transaction committed.
    db_->transaction([&](store::Connection& c) {
      // Sealed like the repository writes it (issue 13): row key, sealed
      // name, name tokens.
      store::OrgTx tx(c, org_);
      const auto key = tx.new_row_key();
      customer_ = c.query(store::Sql("INSERT INTO customers (org_id, name, billing_address, notes, "
                                     "row_key, created_at, updated_at) "
                                     "VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id"),
                          {org_, tx.seal("customers", "name", key, "Cora Tank"),
                           tx.seal("customers", "billing_address", key, ""),
                           tx.seal("customers", "notes", key, ""), key})
                      .rows.at(0)
                      .integer(0);
      domain::customers::write_name_tokens(tx, customer_, "Cora Tank");
      site_ = add_site(c, org_, customer_);
      owner_ = add_user(c, "owner", security::Role::owner);
      admin_ = add_user(c, "admin", security::Role::admin);
      tech_ = add_user(c, "tech", security::Role::technician);
    });
  }

  static std::int64_t add_site(store::Connection& c, std::int64_t org, std::int64_t customer) {
    store::OrgTx tx(c, org);
    const auto key = tx.new_row_key();
    return c
        .query(store::Sql("INSERT INTO sites (org_id, customer_id, name, address, access_notes, "
                          "gate_code, row_key, created_at, updated_at) "
                          "VALUES ($1, $2, 'Farm', $3, $4, $5, $6, 0, 0) RETURNING id"),
               {org, customer, tx.seal("sites", "address", key, "1 Silo Rd"),
                tx.seal("sites", "access_notes", key, ""), tx.seal("sites", "gate_code", key, ""),
                key})
        .rows.at(0)
        .integer(0);
  }
  std::int64_t add_user(store::Connection& c, const std::string& who, security::Role role) {
    return identity::create_user(c, org_, who + "-" + crypto::random_token(6) + "@example.com", who,
                                 role, "$2b$12$notarealhash")
        .id;
  }
  // Another organization, for the "another tenant's object is not found" cases.
  std::int64_t other_org() {
    std::int64_t id = 0;
    db_->transaction([&](store::Connection& c) {
      id = identity::create_org(c, "other-" + crypto::random_token(6), "Other").id;
    });
    return id;
  }

  audit::Actor actor(std::int64_t user) const {
    audit::Actor a;
    a.org_id = org_;
    a.user_id = user;
    a.ip = "192.0.2.1";
    return a;
  }
  // Runs `work(OrgTx&)` in one transaction of this organization (or `org`).
  template <class F>
  auto in_org(F&& work) {
    return store::in_org(*db_, org_, std::forward<F>(work));
  }
  template <class F>
  auto in_org(std::int64_t org, F&& work) {
    return store::in_org(*db_, org, std::forward<F>(work));
  }
  // The audit entries' actions and field lists of this organization, oldest first.
  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    for (const auto& r : db_->query(store::Sql("SELECT action FROM audit_log WHERE org_id = $1 "
                                               "ORDER BY seq"),
                                    {org_})
                             .rows)
      out.push_back(r.text(0));
    return out;
  }

  std::int64_t org_ = 0, customer_ = 0, site_ = 0, owner_ = 0, admin_ = 0, tech_ = 0;
  const std::int64_t now_ = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
};

}  // namespace bulwark::testing
