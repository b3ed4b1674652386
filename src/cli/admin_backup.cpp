// `bulwark admin backup create | list | verify | restore | prune`: the
// operator's side of the encrypted backups (backup/backup.hpp). None of them
// opens the database through the pool: restore must find the file unused.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "backup/backup.hpp"
#include "cli/admin_commands.hpp"
#include "cli/backup_audit.hpp"
#include "domain/privacy/erasure_replay.hpp"
#include "identity/clock.hpp"
#include "privacy/erasure_ledger.hpp"

namespace bulwark::cli::admin {

namespace {

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

backup::Settings settings(bool need_key) {
  auto loaded = config::load_from_process_environment();
  if (!loaded) {
    for (const auto& p : loaded.error()) std::fprintf(stderr, "  - %s\n", p.c_str());
    throw Failure("the configuration is invalid");
  }
  try {
    return backup::load_settings(loaded->effective_database_url(), loaded->data_dir, need_key);
  } catch (const std::invalid_argument& e) {
    throw Failure(e.what());
  }
}

// Progress on stderr, at most one line per percent (or per 16 MiB when the
// total is unknown, as with pg_dump).
backup::Progress progress_printer(const char* what) {
  return [what, last = std::int64_t{-1}](std::uint64_t done, std::uint64_t total) mutable {
    const std::int64_t step = total ? static_cast<std::int64_t>(done * 100 / total)
                                    : static_cast<std::int64_t>(done >> 24);
    if (step == last) return;
    last = step;
    if (total)
      std::fprintf(stderr, "%s: %llu of %llu bytes (%lld%%)\n", what,
                   static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
                   static_cast<long long>(step));
    else
      std::fprintf(stderr, "%s: %llu bytes\n", what, static_cast<unsigned long long>(done));
  };
}

int create() {
  const auto s = settings(true);
  const auto path = backup::create(s, now_unix(), progress_printer("backup"));
  config::Config c;
  audit_backup_event(*open_db(c), "backup.created", path);
  std::printf("%s\n", path.c_str());
  return kOk;
}

int list() {
  const auto s = settings(false);
  for (const auto& b : backup::list(s)) {
    const std::time_t t = b.created_unix;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
    std::printf("%s  %s  %llu bytes\n", b.name.c_str(), when,
                static_cast<unsigned long long>(b.size));
  }
  return kOk;
}

int verify(const std::string& file) {
  const auto s = settings(true);
  auto r = backup::verify(s, file, progress_printer("verify"));
  if (!r) {
    std::printf("BAD %s: %s\n", file.c_str(), r.error().c_str());
    return kFailure;
  }
  std::printf("ok %s: %s, %llu bytes in %llu chunks\n", file.c_str(),
              r->kind == crypto::BackupKind::sqlite ? "sqlite" : "pg_dump",
              static_cast<unsigned long long>(r->plain_bytes),
              static_cast<unsigned long long>(r->chunks));
  return kOk;
}

int restore(const std::string& file) {
  const auto s = settings(true);
  try {
    backup::restore(s, file, progress_printer("restore"));
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "bulwark admin: restore %s\n", e.what());
    return kFailure;
  }
  // The restored database may hold customers erased after the backup was
  // made: erase them again before anyone can see them (issue 13 item 6).
  config::Config c;
  auto db = open_db(c);
  const auto ledger = privacy::read_all(s.dir);
  const auto n = domain::privacy::replay_erasures(*db, store::BlobStore(c.data_dir), ledger,
                                                  identity::now_ms());
  audit_backup_event(
      *db, "backup.restored", file,
      {"database", n.re_erased > 0 ? "erasures_replayed" : "erasure_ledger_checked"});
  std::printf(
      "restored %s\nerasure ledger: %lld entries, %lld customers erased again, %lld "
      "already erased, %lld not in this backup\n",
      file.c_str(), static_cast<long long>(n.entries), static_cast<long long>(n.re_erased),
      static_cast<long long>(n.already), static_cast<long long>(n.not_present));
  return kOk;
}

int prune() {
  const auto s = settings(false);
  const auto removed = backup::prune(s, now_unix());
  if (!removed.empty()) {
    config::Config c;
    auto db = open_db(c);
    for (const auto& p : removed) audit_backup_event(*db, "backup.pruned", p);
  }
  for (const auto& p : removed) std::printf("deleted %s\n", p.c_str());
  std::printf("%zu backups deleted (retention %lld days)\n", removed.size(),
              static_cast<long long>(s.retention.count() / 86400));
  return kOk;
}

}  // namespace

void register_backup(CLI::App& admin, const Chosen& chosen) {
  auto* cmd = admin.add_subcommand(
      "backup",
      "Encrypted backups (AES-256-GCM under BULWARK_BACKUP_KEY or BULWARK_BACKUP_KEY_FILE) in "
      "BULWARK_BACKUP_DIR (default <data dir>/backups).");
  cmd->add_subcommand("create", "Back the database up now; prints the new file's path.")
      ->callback([chosen] { *chosen = create; });
  cmd->add_subcommand("list", "List the backups, oldest first.")->callback([chosen] {
    *chosen = list;
  });
  auto file = std::make_shared<std::string>();
  auto* v = cmd->add_subcommand(
      "verify", "Decrypt a backup and check every chunk; restores nothing. Exit 1 if bad.");
  v->add_option("file", *file, "the backup file")->required();
  v->callback([chosen, file] { *chosen = [file] { return verify(*file); }; });
  auto* r = cmd->add_subcommand(
      "restore",
      "Verify a backup, then replace the database with it. Every server must be stopped first.");
  r->add_option("file", *file, "the backup file")->required();
  r->callback([chosen, file] { *chosen = [file] { return restore(*file); }; });
  cmd->add_subcommand("prune", "Delete backups older than BULWARK_BACKUP_RETENTION (default 90d).")
      ->callback([chosen] { *chosen = prune; });
  cmd->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
