// create, verify, restore: the operations that read or write a backup's
// contents through the chunked cipher (crypto/chunked_stream.hpp).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "backup/backup.hpp"
#include "backup/process.hpp"
#include "crypto/random.hpp"
#include "privacy/erasure_ledger.hpp"
#include "store/backup_support.hpp"

namespace bulwark::backup {

namespace fs = std::filesystem;

namespace {

bool is_postgres(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// Removes a temporary file however the scope ends (it holds plain text).
struct TempFile {
  std::string path;
  ~TempFile() {
    std::error_code ec;
    if (!path.empty()) fs::remove(path, ec);
  }
};

std::ofstream open_private(const std::string& path) {
  const mode_t old = umask(077);  // backups and temporary copies: owner only
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  umask(old);
  if (!out) throw std::runtime_error("cannot write " + path);
  return out;
}

crypto::ReadFn file_reader(std::ifstream& in, std::uint64_t total, const Progress& progress) {
  return [&in, total, progress, done = std::uint64_t{0}](char* buf, std::size_t n) mutable {
    in.read(buf, static_cast<std::streamsize>(n));
    const auto got = static_cast<std::size_t>(in.gcount());
    done += got;
    if (progress) progress(done, total);
    return got;
  };
}

Expected<crypto::DecryptStats, std::string> decrypt_file(const Settings& s, const std::string& path,
                                                         const Progress& progress,
                                                         const crypto::PlainSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return unexpected("cannot read " + path);
  std::error_code ec;
  const auto total = static_cast<std::uint64_t>(fs::file_size(path, ec));
  return crypto::decrypt_backup(s.key, file_reader(in, total, progress), sink);
}

// The erasure ledger (privacy/erasure_ledger.hpp) lives beside the backups.
// A restore refuses to start without it: restoring an older backup without
// replaying it would bring erased customers back. The replay itself needs
// the restored database opened with its key ring, so `bulwark admin backup
// restore` runs it (domain/privacy/erasure_replay.hpp) right after restore().
void require_erasure_ledger(const Settings& s) {
  const auto path = privacy::ledger_path(s.dir);
  if (!fs::exists(path))
    throw std::runtime_error("refused: the erasure ledger " + path +
                             " is missing; without it erased customers would come back. Copy it "
                             "back from the backup directory's copy or storage snapshot first");
}

// Every backup directory holds a ledger, empty until the first erasure, so a
// restore can tell "no erasures yet" from "the ledger was lost".
void ensure_erasure_ledger(const Settings& s) {
  const auto path = privacy::ledger_path(s.dir);
  if (fs::exists(path)) return;
  open_private(path).close();
}

void restore_sqlite(const Settings& s, const std::string& path, const Progress& progress) {
  const std::string db = store::sqlite_path_of(s.database_url);
  if (fs::exists(db) && store::sqlite_in_use(db, 200))
    throw std::runtime_error("the database " + db +
                             " is in use (a running server?): stop every server first");
  TempFile tmp{db + ".restore-partial"};
  {
    auto out = open_private(tmp.path);
    auto r = decrypt_file(s, path, progress, [&](std::string_view p) {
      out.write(p.data(), static_cast<std::streamsize>(p.size()));
    });
    if (!r) throw std::runtime_error("refused: " + r.error());
    out.close();
    if (!out) throw std::runtime_error("cannot write " + tmp.path);
  }
  if (const auto check = store::sqlite_quick_check(tmp.path); check != "ok")
    throw std::runtime_error("the restored file fails SQLite's check: " + check);
  // The old WAL belongs to the old file: left beside the new one it would be replayed into it.
  std::error_code ec;
  fs::remove(db + "-wal", ec);
  fs::remove(db + "-shm", ec);
  fs::rename(tmp.path, db);
  tmp.path.clear();
}

void restore_postgres(const Settings& s, const std::string& path, const Progress& progress) {
  if (const int n = store::pg_other_sessions(s.database_url); n > 0)
    throw std::runtime_error(std::to_string(n) +
                             " other sessions are connected to the database (running servers?): "
                             "stop every instance first");
  auto env = store::pg_environment(s.database_url);
  std::string dbname;
  for (const auto& [k, v] : env)
    if (k == "PGDATABASE") dbname = v;
  // Only the database's name is an argument; host, user and password come from the environment.
  std::vector<std::string> argv{"pg_restore",           "--clean",      "--if-exists", "--no-owner",
                                "--single-transaction", "--no-password"};
  if (!dbname.empty()) argv.push_back("--dbname=" + dbname);
  std::string failure;
  const int status = run_writing(argv, env, [&](const auto& write) {
    auto r = decrypt_file(s, path, progress, write);
    if (!r) failure = r.error();
  });
  if (!failure.empty()) throw std::runtime_error("refused during restore: " + failure);
  if (status != 0)
    throw std::runtime_error("pg_restore failed (exit " + std::to_string(status) + ")");
}

}  // namespace

std::string create(const Settings& s, std::int64_t now_unix, const Progress& progress) {
  fs::create_directories(s.dir);
  fs::permissions(s.dir, fs::perms::owner_all, fs::perm_options::replace);
  const auto kind =
      is_postgres(s.database_url) ? crypto::BackupKind::pg_dump : crypto::BackupKind::sqlite;
  std::string final_path;
  for (std::int64_t t = now_unix;; ++t) {  // two backups in one second get the next free second
    final_path = (fs::path(s.dir) / file_name_for(t, kind)).string();
    if (!fs::exists(final_path) && !fs::exists(final_path + ".partial")) break;
  }
  ensure_erasure_ledger(s);
  TempFile partial{final_path + ".partial"};
  auto out = open_private(partial.path);
  crypto::ChunkedEncryptor enc(s.key, kind, [&](std::string_view c) {
    out.write(c.data(), static_cast<std::streamsize>(c.size()));
    if (!out) throw std::runtime_error("cannot write " + partial.path);
  });
  if (kind == crypto::BackupKind::sqlite) {
    // The plain-text copy sits beside the database (which holds the same
    // data), never in the backup directory, which may be shared storage.
    const std::string db = store::sqlite_path_of(s.database_url);
    TempFile snap{db + ".backup-snapshot-" + crypto::random_hex(8)};
    open_private(snap.path).close();
    store::sqlite_snapshot(db, snap.path, {});
    std::ifstream in(snap.path, std::ios::binary);
    const auto total = static_cast<std::uint64_t>(fs::file_size(snap.path));
    std::string buf(crypto::kBackupChunk, '\0');
    std::uint64_t done = 0;
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<std::size_t>(in.gcount());
      if (n == 0) break;
      enc.write(std::string_view(buf.data(), n));
      done += n;
      if (progress) progress(done, total);
    }
  } else {
    std::uint64_t done = 0;
    const int status = run_reading({"pg_dump", "--format=custom", "--no-password"},
                                   store::pg_environment(s.database_url), [&](std::string_view b) {
                                     enc.write(b);
                                     done += b.size();
                                     if (progress) progress(done, 0);
                                   });
    if (status != 0)
      throw std::runtime_error("pg_dump failed (exit " + std::to_string(status) + ")");
  }
  enc.finish();
  out.close();
  if (!out) throw std::runtime_error("cannot write " + partial.path);
  fs::rename(partial.path, final_path);
  partial.path.clear();
  return final_path;
}

Expected<crypto::DecryptStats, std::string> verify(const Settings& s, const std::string& path,
                                                   const Progress& progress) {
  return decrypt_file(s, path, progress, {});
}

void restore(const Settings& s, const std::string& path, const Progress& progress) {
  // The whole file is authenticated before anything of it reaches a database.
  require_erasure_ledger(s);
  auto checked = verify(s, path, progress);
  if (!checked) throw std::runtime_error("refused: " + checked.error());
  const bool pg = is_postgres(s.database_url);
  if (pg != (checked->kind == crypto::BackupKind::pg_dump))
    throw std::runtime_error(pg ? "refused: a SQLite backup cannot be restored into PostgreSQL"
                                : "refused: a PostgreSQL backup cannot be restored into SQLite");
  if (pg)
    restore_postgres(s, path, progress);
  else
    restore_sqlite(s, path, progress);
}

}  // namespace bulwark::backup
