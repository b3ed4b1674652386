#pragma once
// Claiming due rows of an outbox table (the jobs outbox, the SMS outbox):
// one UPDATE that marks a batch as taken, leases it and returns it. SQLite
// has one writer at a time, so the UPDATE ... WHERE id IN (SELECT ...) is
// already exclusive there; PostgreSQL adds FOR UPDATE ... SKIP LOCKED so
// several instances take disjoint rows without waiting for each other.
// Both statements are compile-time text.
#include <span>

#include "store/database.hpp"

namespace bulwark::store {

struct ClaimStatement {
  Sql sqlite;
  Sql postgres;
};

// UPDATE_SET: "UPDATE t SET ..."; DUE: "SELECT x.id FROM t x WHERE ... ORDER BY ... LIMIT $n";
// LOCKED: the alias whose rows are locked ("x"); RETURNING: the columns handed back.
#define BULWARK_CLAIM_STATEMENT(UPDATE_SET, DUE, LOCKED, RETURNING)                    \
  ::bulwark::store::ClaimStatement {                                                   \
    ::bulwark::store::Sql(UPDATE_SET " WHERE id IN (" DUE ") RETURNING " RETURNING),   \
        ::bulwark::store::Sql(UPDATE_SET " WHERE id IN (" DUE " FOR UPDATE OF " LOCKED \
                                         " SKIP LOCKED) RETURNING " RETURNING)         \
  }

// Runs the engine's statement in its own transaction (the claim commits
// before any outside call is made).
inline Result claim_rows(Database& db, const ClaimStatement& statement,
                         std::span<const Value> params) {
  Result out;
  db.transaction([&](Connection& conn) {
    out =
        conn.query(db.engine() == Engine::postgres ? statement.postgres : statement.sqlite, params);
  });
  return out;
}

}  // namespace bulwark::store
