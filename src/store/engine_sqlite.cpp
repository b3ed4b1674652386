// SQLite: one file, WAL, a pool of connections (each used by one thread at a
// time), prepared statements cached per connection.
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <unordered_map>

#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/engines.hpp"

namespace bulwark::store {

namespace {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, std::chrono::milliseconds busy_timeout) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw DatabaseUnavailable("cannot open the SQLite database file");
    }
    sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
    sqlite3_extended_result_codes(db_, 1);
    run("PRAGMA journal_mode=WAL");
    run("PRAGMA synchronous=NORMAL");
    run("PRAGMA foreign_keys=ON");
    // Deleted and overwritten content is zeroed in the file, not left in free
    // pages (issue 13: an erased customer or a row rewritten sealed must not
    // be readable in a copy of the file).
    run("PRAGMA secure_delete=ON");
  }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Engine engine() const override { return Engine::sqlite; }

  Result query(Sql sql, std::span<const Value> params) override {
    sqlite3_stmt* stmt = prepare(sql.text());
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    bind(stmt, params);
    Result result;
    const int columns = sqlite3_column_count(stmt);
    result.columns.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      const char* name = sqlite3_column_name(stmt, i);
      result.columns.emplace_back(name ? name : "");
    }
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc);
      std::vector<Row::Column> row(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) {
        auto& c = row[static_cast<std::size_t>(i)];
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_NULL: break;
          case SQLITE_INTEGER:
            c.kind = Row::Column::Kind::integer;
            c.i = sqlite3_column_int64(stmt, i);
            break;
          case SQLITE_FLOAT:
            c.kind = Row::Column::Kind::real;
            c.d = sqlite3_column_double(stmt, i);
            break;
          default: {  // TEXT (and BLOB, which we do not store)
            c.kind = Row::Column::Kind::text;
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            c.s.assign(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
            c.has_text = true;
          }
        }
      }
      result.rows.emplace_back(std::move(row));
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  void execute_script(Sql sql) override {
    const std::string text(sql.text());
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc != SQLITE_OK) fail(rc);
  }

  void run(const char* statement) {
    if (sqlite3_exec(db_, statement, nullptr, nullptr, nullptr) != SQLITE_OK)
      fail(sqlite3_extended_errcode(db_));
  }

 private:
  sqlite3_stmt* prepare(std::string_view text) {
    // Keys view the SQL literals themselves, which live as long as the program.
    if (auto it = statements_.find(text); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc);
    statements_.emplace(text, stmt);
    return stmt;
  }

  // "$n" placeholders are bound by name, so one may appear several times.
  void bind(sqlite3_stmt* stmt, std::span<const Value> params) {
    const int count = sqlite3_bind_parameter_count(stmt);
    for (int idx = 1; idx <= count; ++idx) {
      const char* name = sqlite3_bind_parameter_name(stmt, idx);
      if (!name || name[0] != '$') throw std::logic_error("SQL must use $n placeholders");
      const std::size_t n = std::stoul(name + 1);
      if (n == 0 || n > params.size()) throw std::logic_error("SQL placeholder without a value");
      const Value& v = params[n - 1];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v))
        rc = sqlite3_bind_null(stmt, idx);
      else if (auto* i = std::get_if<std::int64_t>(&v))
        rc = sqlite3_bind_int64(stmt, idx, *i);
      else if (auto* d = std::get_if<double>(&v))
        rc = sqlite3_bind_double(stmt, idx, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(stmt, idx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(rc);
    }
  }

  [[noreturn]] void fail(int rc) {
    const int primary = rc & 0xff;
    // SQLite's messages name tables, columns and constraints, not values.
    std::string message = std::string("sqlite: ") + sqlite3_errmsg(db_);
    if (primary == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
      throw DatabaseUnavailable("the database is busy");
    throw std::runtime_error(message);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string_view, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const DatabaseOptions& o, const std::string& path)
      : pool_(o.pool_size, o.acquire_timeout, [path, busy = o.busy_timeout] {
          return std::make_unique<SqliteConnection>(path, busy);
        }) {
    // Open one connection now so a bad path fails at startup, not first request.
    with_connection([](Connection&) {});
  }

  Engine engine() const override { return Engine::sqlite; }

  void transaction(const std::function<void(Connection&)>& work) override {
    pool_.use(
        [&](SqliteConnection& c) {
          c.set_field_sealer(field_sealer());
          c.run("BEGIN IMMEDIATE");
          try {
            work(c);
            c.run("COMMIT");
          } catch (...) {
            try {
              c.run("ROLLBACK");
            } catch (...) {
            }
            throw;
          }
        },
        [](SqliteConnection&) { return false; });
  }

  void with_connection(const std::function<void(Connection&)>& work) override {
    pool_.use(
        [&](SqliteConnection& c) {
          c.set_field_sealer(field_sealer());
          work(c);
        },
        [](SqliteConnection&) { return false; });
  }

 private:
  ConnectionPool<SqliteConnection> pool_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const DatabaseOptions& options, const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) throw DatabaseUnavailable("cannot create the data directory");
  }
  return std::make_unique<SqliteDatabase>(options, path);
}

}  // namespace bulwark::store
