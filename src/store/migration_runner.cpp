// Versioned migrations per engine, recorded in schema_migrations. Each runs
// in its own transaction with its record, so a failed migration leaves no
// trace. On PostgreSQL an advisory lock keeps two instances that start at
// once from applying the same migration twice.
#include <chrono>
#include <fmt/format.h>

#include "store/database.hpp"
#include "store/schema/core.hpp"
#include "store/schema/identity_postgres.hpp"
#include "store/schema/identity_sqlite.hpp"
#include "store/schema/messaging.hpp"
#include "store/schema/payments_jobs.hpp"
#include "store/schema/work.hpp"

namespace bulwark::store {

namespace {

struct Migration {
  int version;
  const char* name;
  Sql sqlite;
  Sql postgres;
};

constexpr Migration kMigrations[] = {
    {1, "orgs", Sql(schema::kOrgsSqlite), Sql(schema::kOrgsPostgres)},
    {2, "identity", Sql(schema::kIdentitySqlite), Sql(schema::kIdentityPostgres)},
    {3, "work", Sql(schema::kWorkSqlite), Sql(schema::kWorkPostgres)},
    {4, "messaging", Sql(schema::kMessagingSqlite), Sql(schema::kMessagingPostgres)},
    {5, "payments_and_jobs", Sql(schema::kPaymentsJobsSqlite), Sql(schema::kPaymentsJobsPostgres)},
};

constexpr std::int64_t kMigrationLockKey = 0x42756c7761726bLL;  // "Bulwark"

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void ensure_table(Connection& c) {
  c.execute_script(Sql("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at BIGINT NOT NULL)"));
}

bool is_applied(Connection& c, int version) {
  return !c.query(Sql("SELECT 1 FROM schema_migrations WHERE version = $1"),
                  {std::int64_t{version}})
              .empty();
}

}  // namespace

MigrationReport migrate(Database& db, const std::function<void(std::string_view)>& progress) {
  MigrationReport report;
  const bool pg = db.engine() == Engine::postgres;
  db.with_connection([&](Connection& c) {
    if (pg) c.query(Sql("SELECT pg_advisory_lock($1)"), {kMigrationLockKey});
    try {
      ensure_table(c);
      for (const auto& m : kMigrations) {
        if (is_applied(c, m.version)) {
          report.current_version = m.version;
          continue;
        }
        const auto start = std::chrono::steady_clock::now();
        if (progress) progress(fmt::format("applying {:04d} {} ...", m.version, m.name));
        c.execute_script(pg ? Sql("BEGIN") : Sql("BEGIN IMMEDIATE"));
        try {
          // Re-check under the write lock (SQLite) / advisory lock (PostgreSQL).
          if (!is_applied(c, m.version)) {
            c.execute_script(pg ? m.postgres : m.sqlite);
            c.query(Sql("INSERT INTO schema_migrations (version, name, applied_at) "
                        "VALUES ($1, $2, $3)"),
                    {std::int64_t{m.version}, std::string(m.name), now_ms()});
            ++report.applied;
          }
          c.execute_script(Sql("COMMIT"));
        } catch (...) {
          try {
            c.execute_script(Sql("ROLLBACK"));
          } catch (...) {
          }
          throw;
        }
        report.current_version = m.version;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
        if (progress) progress(fmt::format("applied  {:04d} {} ({} ms)", m.version, m.name, ms));
      }
    } catch (...) {
      if (pg) {
        try {
          c.query(Sql("SELECT pg_advisory_unlock($1)"), {kMigrationLockKey});
        } catch (...) {
        }
      }
      throw;
    }
    if (pg) c.query(Sql("SELECT pg_advisory_unlock($1)"), {kMigrationLockKey});
  });
  return report;
}

std::vector<MigrationStatus> migration_status(Database& db) {
  std::vector<MigrationStatus> out;
  db.with_connection([&](Connection& c) {
    ensure_table(c);
    for (const auto& m : kMigrations) out.push_back({m.version, m.name, is_applied(c, m.version)});
  });
  return out;
}

}  // namespace bulwark::store
