#pragma once
// Serializing writers per organization inside the caller's transaction (the
// audit chain reads its head and extends it; two appends must not both read
// the same head). SQLite transactions already hold the database's write lock
// (BEGIN IMMEDIATE), so there is nothing more to take; PostgreSQL locks the
// organization's row until the transaction ends.
#include <cstdint>

#include "store/database.hpp"

namespace bulwark::store {

inline void lock_org_for_update(Connection& conn, std::int64_t org_id) {
  if (conn.engine() == Engine::postgres)
    conn.query(Sql("SELECT id FROM orgs WHERE id = $1 FOR UPDATE"), {org_id});
}

}  // namespace bulwark::store
