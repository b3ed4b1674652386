#include "store/backup_support.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace bulwark::store {

namespace {

struct SqliteHandle {
  sqlite3* db = nullptr;
  ~SqliteHandle() { sqlite3_close(db); }
};

void open_or_throw(SqliteHandle& h, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open the SQLite file " + path);
}

}  // namespace

std::string sqlite_path_of(const std::string& url) {
  if (url.starts_with("sqlite://")) return url.substr(9);
  if (url.starts_with("sqlite:")) return url.substr(7);
  return url;
}

void sqlite_snapshot(const std::string& db_path, const std::string& dest_path,
                     const std::function<void(int, int)>& progress) {
  SqliteHandle src, dst;
  open_or_throw(src, db_path, SQLITE_OPEN_READONLY);
  open_or_throw(dst, dest_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_busy_timeout(src.db, 5000);
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) throw std::runtime_error(std::string("sqlite backup: ") + sqlite3_errmsg(dst.db));
  int rc = SQLITE_OK;
  // 256 pages a step so a writer of the server gets the lock in between.
  while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (progress)
      progress(sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
               sqlite3_backup_pagecount(b));
    if (rc != SQLITE_OK) sqlite3_sleep(50);
  }
  if (progress) progress(sqlite3_backup_pagecount(b), sqlite3_backup_pagecount(b));
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE)
    throw std::runtime_error(std::string("sqlite backup: ") + sqlite3_errstr(rc));
  // The copy is a plain rollback-journal file: no -wal beside it to forget.
  sqlite3_exec(dst.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
}

bool sqlite_in_use(const std::string& db_path, int wait_ms) {
  SqliteHandle h;
  open_or_throw(h, db_path, SQLITE_OPEN_READWRITE);
  sqlite3_busy_timeout(h.db, wait_ms);
  // In WAL mode every open connection holds a shared lock on the file; an
  // exclusive-locking-mode write transaction needs all of them gone.
  sqlite3_exec(h.db, "PRAGMA locking_mode=EXCLUSIVE", nullptr, nullptr, nullptr);
  const int rc = sqlite3_exec(h.db, "BEGIN EXCLUSIVE; COMMIT;", nullptr, nullptr, nullptr);
  return rc != SQLITE_OK;
}

std::string sqlite_quick_check(const std::string& path) {
  SqliteHandle h;
  open_or_throw(h, path, SQLITE_OPEN_READONLY);
  std::string result = "no result";
  sqlite3_exec(
      h.db, "PRAGMA quick_check",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] ? values[0] : "";
        return 1;  // the first line says it all
      },
      &result, nullptr);
  return result;
}

std::vector<std::pair<std::string, std::string>> pg_environment(const std::string& url) {
  char* err = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(
      PQconninfoParse(url.c_str(), &err), PQconninfoFree);
  if (!opts) {
    if (err) PQfreemem(err);
    throw std::runtime_error("the PostgreSQL URL cannot be parsed");
  }
  std::vector<std::pair<std::string, std::string>> env;
  for (auto* o = opts.get(); o->keyword; ++o) {
    if (!o->val || !o->envvar || *o->val == '\0') continue;
    env.emplace_back(o->envvar, o->val);
  }
  return env;
}

int pg_other_sessions(const std::string& url) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), PQfinish);
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error("cannot connect to PostgreSQL to check for running servers");
  std::unique_ptr<PGresult, decltype(&PQclear)> res(
      PQexec(conn.get(),
             "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
             "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"),
      PQclear);
  if (PQresultStatus(res.get()) != PGRES_TUPLES_OK || PQntuples(res.get()) != 1)
    throw std::runtime_error("cannot read pg_stat_activity");
  return std::stoi(PQgetvalue(res.get(), 0, 0));
}

}  // namespace bulwark::store
