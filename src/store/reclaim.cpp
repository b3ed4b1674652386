#include "store/reclaim.hpp"

namespace bulwark::store {

void reclaim_rewritten_space(Database& db) {
  db.with_connection([&](Connection& conn) {
    if (conn.engine() == Engine::sqlite) {
      conn.execute_script(Sql("PRAGMA wal_checkpoint(TRUNCATE)"));
      conn.execute_script(Sql("VACUUM"));
      conn.execute_script(Sql("PRAGMA wal_checkpoint(TRUNCATE)"));
    } else {
      conn.execute_script(Sql("VACUUM FULL"));
    }
  });
}

}  // namespace bulwark::store
