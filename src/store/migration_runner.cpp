// Versioned migrations per engine, recorded in schema_migrations with the
// SHA-256 of the exact SQL text executed. Each runs in its own transaction
// with its record, so a failed migration leaves no trace. On PostgreSQL an
// advisory lock keeps two instances that start at once from applying the
// same migration twice.
//
// Migrations are append-only. At every start the runner compares each
// applied migration's recorded checksum with this binary's text and refuses
// a database that differs (a migration edited after it reached someone) or
// that holds a migration this binary does not know (an older binary against
// a newer schema). Rows applied before checksums were recorded are adopted
// once, and reported.
//
// The texts are the files under src/store/migrations/, compiled in by the
// build (store/migrations.gen.hpp); their README says how to add one.
#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "crypto/random.hpp"
#include "store/database.hpp"
#include "store/migrations.gen.hpp"

namespace bulwark::store {

namespace {

// The migrations in order, generated from src/store/migrations/migrations.txt.
using generated::kMigrations;

constexpr std::int64_t kMigrationLockKey = 0x42756c7761726bLL;  // "Bulwark"

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const Migration* find_migration(std::int64_t version) {
  for (const auto& m : kMigrations)
    if (m.version == version) return &m;
  return nullptr;
}

Sql text_for(const Migration& m, Engine engine) {
  return engine == Engine::postgres ? m.postgres : m.sqlite;
}

std::string checksum_of(const Migration& m, Engine engine) {
  return crypto::sha256_hex(text_for(m, engine).text());
}

void ensure_table(Connection& c) {
  c.execute_script(
      Sql("CREATE TABLE IF NOT EXISTS schema_migrations ("
          "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at BIGINT NOT NULL, checksum TEXT)"));
  // Databases created before checksums were recorded (release 0.1.0).
  if (c.engine() == Engine::postgres) {
    c.execute_script(Sql("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum TEXT"));
  } else if (c.query(Sql("SELECT 1 FROM pragma_table_info('schema_migrations') "
                         "WHERE name = 'checksum'"))
                 .empty()) {
    c.execute_script(Sql("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT"));
  }
}

struct AppliedRow {
  std::int64_t version;
  std::string name;
  std::optional<std::string> checksum;
};

std::vector<AppliedRow> applied_rows(Connection& c) {
  std::vector<AppliedRow> rows;
  for (const auto& r :
       c.query(Sql("SELECT version, name, checksum FROM schema_migrations ORDER BY version")).rows)
    rows.push_back({r.integer(0), r.text(1), r.optional_text(2)});
  return rows;
}

bool is_applied(Connection& c, int version) {
  return !c.query(Sql("SELECT 1 FROM schema_migrations WHERE version = $1"),
                  {std::int64_t{version}})
              .empty();
}

// Refuses a database this binary must not run against; adopts checksums of
// rows recorded before checksums existed. Returns how many were adopted.
int verify_applied(Connection& c, const std::function<void(std::string_view)>& progress) {
  int adopted = 0;
  for (const auto& row : applied_rows(c)) {
    const Migration* m = find_migration(row.version);
    if (!m)
      throw MigrationRefused(fmt::format(
          "the database has migration {:04d} \"{}\", which this binary does not know: a newer "
          "Bulwark applied it. Run that release or a newer one against this database; an older "
          "binary must not write to a newer schema",
          row.version, row.name));
    const std::string expected = checksum_of(*m, c.engine());
    if (!row.checksum) {
      c.query(Sql("UPDATE schema_migrations SET checksum = $1 WHERE version = $2"),
              {expected, row.version});
      ++adopted;
      if (progress)
        progress(fmt::format("adopted  {:04d} {} (applied before checksums were recorded)",
                             m->version, m->name));
    } else if (*row.checksum != expected) {
      throw MigrationRefused(fmt::format(
          "migration {:04d} \"{}\" was applied from a different SQL text than this binary's "
          "(database sha256 {}, binary sha256 {}). Migrations are append-only: run the release "
          "that applied it, and change the schema only by adding a migration",
          m->version, m->name, row.checksum->substr(0, 12), expected.substr(0, 12)));
    }
  }
  return adopted;
}

void set_sqlite_foreign_keys(Connection& c, bool on) {
  c.execute_script(on ? Sql("PRAGMA foreign_keys=ON") : Sql("PRAGMA foreign_keys=OFF"));
}

void apply(Connection& c, const Migration& m, MigrationReport& report) {
  const bool pg = c.engine() == Engine::postgres;
  const bool fk_off = !pg && m.foreign_keys == ForeignKeys::off_during;
  if (fk_off) set_sqlite_foreign_keys(c, false);
  c.execute_script(pg ? Sql("BEGIN") : Sql("BEGIN IMMEDIATE"));
  try {
    // Re-check under the write lock (SQLite) / advisory lock (PostgreSQL).
    if (!is_applied(c, m.version)) {
      c.execute_script(text_for(m, c.engine()));
      if (fk_off) {
        auto dangling = c.query(Sql("SELECT \"table\", parent FROM pragma_foreign_key_check"));
        if (!dangling.empty())
          throw MigrationRefused(fmt::format(
              "migration {:04d} \"{}\" would leave rows of {} referencing missing rows of {}; "
              "nothing was changed",
              m.version, m.name, dangling.rows[0].text(0), dangling.rows[0].text(1)));
      }
      c.query(Sql("INSERT INTO schema_migrations (version, name, applied_at, checksum) "
                  "VALUES ($1, $2, $3, $4)"),
              {std::int64_t{m.version}, std::string(m.name), now_ms(), checksum_of(m, c.engine())});
      ++report.applied;
    }
    c.execute_script(Sql("COMMIT"));
  } catch (...) {
    try {
      c.execute_script(Sql("ROLLBACK"));
    } catch (...) {
    }
    if (fk_off) set_sqlite_foreign_keys(c, true);
    throw;
  }
  if (fk_off) set_sqlite_foreign_keys(c, true);
}

}  // namespace

MigrationReport migrate(Database& db, const std::function<void(std::string_view)>& progress) {
  MigrationReport report;
  const bool pg = db.engine() == Engine::postgres;
  db.with_connection([&](Connection& c) {
    if (pg) c.query(Sql("SELECT pg_advisory_lock($1)"), {kMigrationLockKey});
    try {
      ensure_table(c);
      report.adopted = verify_applied(c, progress);
      for (const auto& m : kMigrations) {
        if (is_applied(c, m.version)) {
          report.current_version = m.version;
          continue;
        }
        const auto start = std::chrono::steady_clock::now();
        if (progress) progress(fmt::format("applying {:04d} {} ...", m.version, m.name));
        apply(c, m, report);
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
    const auto rows = applied_rows(c);
    for (const auto& m : kMigrations) {
      MigrationStatus s{m.version, m.name, false, MigrationStatus::Checksum::none};
      for (const auto& r : rows)
        if (r.version == m.version) {
          s.applied = true;
          s.checksum = !r.checksum ? MigrationStatus::Checksum::not_recorded
                       : *r.checksum == checksum_of(m, c.engine())
                           ? MigrationStatus::Checksum::matches
                           : MigrationStatus::Checksum::differs;
        }
      out.push_back(s);
    }
    for (const auto& r : rows)
      if (!find_migration(r.version))
        out.push_back({static_cast<int>(r.version), r.name, true,
                       MigrationStatus::Checksum::unknown_to_binary});
  });
  return out;
}

std::vector<MigrationChecksum> migration_checksums() {
  std::vector<MigrationChecksum> out;
  for (const auto& m : kMigrations)
    out.push_back(
        {m.version, m.name, checksum_of(m, Engine::sqlite), checksum_of(m, Engine::postgres)});
  return out;
}

}  // namespace bulwark::store
