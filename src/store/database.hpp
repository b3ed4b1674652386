#pragma once
// The one storage interface. Only files under store/ know which engine is
// behind it. Calls block: they run on the handler pool, never on the network
// threads (http/server.cpp posts routes that touch the database there).
#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/field_sealer.hpp"
#include "store/sql.hpp"

namespace bulwark::store {

enum class Engine { sqlite, postgres };

// A UNIQUE, FOREIGN KEY or CHECK constraint refused the statement; handlers
// turn it into 409 or 400. Its message names the constraint, never values.
struct ConstraintViolation : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One connection, held for the duration of a unit of work.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Result query(Sql sql, std::span<const Value> params) = 0;
  Result query(Sql sql, std::initializer_list<Value> params = {}) {
    return query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // Several statements without parameters (migrations only).
  virtual void execute_script(Sql sql) = 0;
  virtual Engine engine() const = 0;

  // Binary data (attachment chunks, store/blob_store.cpp), PostgreSQL only:
  // `bytes` is bound after `params` in binary format, and query_bytes returns
  // the first column of the first row in binary format: no text or hex copy.
  virtual Result query_with_bytes(Sql sql, std::span<const Value> params, std::string_view bytes);
  virtual std::optional<std::string> query_bytes(Sql sql, std::span<const Value> params);

  // The database's field sealer (store/field_sealer.hpp), set on the
  // connection each time the pool lends it, so that any OrgTx on it can
  // seal and open personal fields; null when none is configured.
  FieldSealer* field_sealer() const { return sealer_; }
  void set_field_sealer(FieldSealer* sealer) { sealer_ = sealer; }

 private:
  FieldSealer* sealer_ = nullptr;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Engine engine() const = 0;

  // Runs `work` on a pooled connection inside one transaction: committed when
  // work returns, rolled back when it throws (and the exception propagates).
  // SQLite takes the write lock up front (BEGIN IMMEDIATE) so two writers
  // wait on busy_timeout instead of failing on lock upgrade.
  virtual void transaction(const std::function<void(Connection&)>& work) = 0;

  // Runs `work` on a pooled connection without an explicit transaction
  // (each statement commits on its own). For reads and single statements.
  virtual void with_connection(const std::function<void(Connection&)>& work) = 0;

  // Convenience for one statement.
  Result query(Sql sql, std::initializer_list<Value> params = {});

  // True when a trivial query succeeds (for /ready).
  bool ping();

  // Field encryption: set once at start, before any request or worker runs
  // (the server and the admin CLI attach a crypto::KeyRing).
  void set_field_sealer(std::shared_ptr<FieldSealer> sealer) { sealer_ = std::move(sealer); }
  FieldSealer* field_sealer() const { return sealer_.get(); }

 private:
  std::shared_ptr<FieldSealer> sealer_;
};

struct DatabaseOptions {
  std::string url;                                  // sqlite path or file:..., or postgresql://...
  std::size_t pool_size = 8;                        // connections kept open
  std::chrono::milliseconds busy_timeout{5000};     // SQLite lock wait
  std::chrono::milliseconds acquire_timeout{5000};  // wait for a free pooled connection
  int connect_timeout_seconds = 3;                  // PostgreSQL connect timeout
};

// Opens the database named by the URL: "postgresql://" or "postgres://"
// selects PostgreSQL; anything else is a SQLite file path ("sqlite://" or
// "sqlite:" prefixes are stripped). Throws DatabaseUnavailable when it cannot
// connect (PostgreSQL) or open (SQLite).
std::unique_ptr<Database> open_database(const DatabaseOptions& options);

// The engine's name for logs and status lines: "sqlite" or "postgres".
std::string_view engine_name(Engine engine);

// Handler threads that suit the engine when the operator set none: SQLite
// serialises writers in one process, so one thread more than the cores keeps
// them busy; PostgreSQL requests mostly wait on the network, so four a core.
unsigned default_handler_threads(Engine engine, unsigned cores);

// Applies the pending migrations of this engine, each in its own transaction,
// recording them in schema_migrations. Safe with several instances starting
// at once on one PostgreSQL (an advisory lock serializes them).
// `progress` receives one human-readable line per applied migration.
// Throws MigrationRefused, naming the migration, when the database's applied
// text differs from this binary's or it holds a migration the binary does not
// know; nothing is changed then.
struct MigrationReport {
  int applied = 0;
  int current_version = 0;
  int adopted = 0;  // rows recorded before checksums existed, now checksummed
};
struct MigrationRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};
MigrationReport migrate(Database& db, const std::function<void(std::string_view)>& progress = {});

// Versions known to this binary and which are applied (for `migrate --status`).
struct MigrationStatus {
  enum class Checksum { none, matches, differs, not_recorded, unknown_to_binary };
  int version;
  std::string name;
  bool applied;
  Checksum checksum;
};
std::vector<MigrationStatus> migration_status(Database& db);

// SHA-256 (hex) of every migration's exact text per engine; a unit test holds
// the committed list, so editing a migration that reached main fails the build.
struct MigrationChecksum {
  int version;
  std::string name;
  std::string sqlite_sha256;
  std::string postgres_sha256;
};
std::vector<MigrationChecksum> migration_checksums();

}  // namespace bulwark::store
