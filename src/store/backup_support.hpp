#pragma once
// What a backup needs from the engines (only store/ includes sqlite3.h and
// libpq-fe.h): a consistent copy of a live SQLite file through the online
// backup API, a check that no process has the SQLite file open (restore
// refuses while a server runs), and a PostgreSQL URL split into the libpq
// environment variables pg_dump / pg_restore read, so the password never
// appears on a command line.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace bulwark::store {

// The SQLite file path of a database URL (the prefixes open_database strips).
std::string sqlite_path_of(const std::string& url);

// Copies the live database at `db_path` into a new file `dest_path` with
// sqlite3_backup_* (readers and writers keep working). progress(done, total)
// is called with page counts.
void sqlite_snapshot(const std::string& db_path, const std::string& dest_path,
                     const std::function<void(int done, int total)>& progress);

// True when another connection (a running server) holds the file: an
// exclusive lock cannot be taken within `wait_ms`.
bool sqlite_in_use(const std::string& db_path, int wait_ms);

// "ok" or SQLite's first complaint from PRAGMA quick_check on a file.
std::string sqlite_quick_check(const std::string& path);

// PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, ... for the URL,
// parsed by libpq itself (PQconninfoParse). Throws on a malformed URL.
std::vector<std::pair<std::string, std::string>> pg_environment(const std::string& url);

// Client sessions connected to the URL's database other than the one this
// asks on (a running server holds its pool's): restore refuses while any is.
int pg_other_sessions(const std::string& url);

}  // namespace bulwark::store
