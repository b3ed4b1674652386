#pragma once
// After rows were rewritten sealed (issue 13's upgrade pass), their old plain
// bytes may still sit in free pages, the WAL or dead tuples. This rewrites
// the storage: SQLite checkpoints the WAL, VACUUMs (with secure_delete on,
// freed pages are zeroed) and truncates the WAL; PostgreSQL runs VACUUM FULL
// on the database (exclusive locks, table by table: it runs once, at start-up
// after an upgrade sealed rows, before serving). Old WAL archives and old
// backups still hold plain text: the README says so.
#include "store/database.hpp"

namespace bulwark::store {

void reclaim_rewritten_space(Database& db);

}  // namespace bulwark::store
