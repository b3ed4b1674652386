// `bulwark admin keys ...`: the operator's side of the key hierarchy (issue
// 13 items 1 and 3). status shows fingerprints and key ids, never a secret;
// escrow prints the master key for an offline copy; verify-escrow checks a
// typed copy; rotate-master re-wraps every organization's keys under
// BULWARK_NEW_MASTER_KEY in one transaction (docs/key-management.md).
#include "cli/admin_keys.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <map>

#include "cli/admin_commands.hpp"
#include "crypto/key_store.hpp"
#include "crypto/master_key.hpp"
#include "identity/clock.hpp"

namespace bulwark::cli::admin {

namespace {

std::optional<std::string> process_env(const char* name) {
  if (const char* v = std::getenv(name)) return std::string(v);
  return std::nullopt;
}

Secret configured_master(const config::Config& c) {
  auto key = crypto::load_master_key(process_env, c.environment == config::Environment::production,
                                     c.data_dir);
  if (!key) throw Failure(key.error());
  return key->key;  // Secret copies (it has no move); the original is wiped on destruction
}

}  // namespace

Secret checked_master_key(const config::Config& c, store::Database& db) {
  Secret master = configured_master(c);
  if (auto ok = crypto::check_master_fingerprint(db, master, identity::now_ms()); !ok)
    throw Failure(ok.error());
  return master;
}

namespace {

int keys_status() {
  config::Config c;
  auto db = open_db(c);
  const auto recorded = crypto::recorded_fingerprint(*db);
  std::printf("database master key fingerprint: %s\n",
              recorded ? recorded->c_str() : "(none recorded yet: the server records it at start)");
  auto key = crypto::read_key_variable(process_env, "BULWARK_MASTER_KEY");
  if (key && *key) {
    const auto mine = crypto::master_fingerprint((*key)->key);
    std::printf("configured master key fingerprint: %s (%s)\n", mine.c_str(),
                recorded && *recorded == mine ? "matches" : "DOES NOT MATCH");
  }
  std::vector<crypto::StoredKey> keys;
  db->with_connection([&](store::Connection& conn) { keys = crypto::all_org_keys(conn); });
  std::map<std::int64_t, std::string> per_org;
  for (const auto& k : keys)
    per_org[k.org_id] +=
        fmt::format(" {}:{}{}", k.key_id, k.purpose, k.retired_at ? "(retired)" : "");
  std::printf("organizations with keys: %zu\n", per_org.size());
  for (const auto& [org, ids] : per_org)
    std::printf("  org %lld:%s\n", static_cast<long long>(org), ids.c_str());
  return kOk;
}

int keys_escrow(bool force) {
  config::Config c;
  auto db = open_db(c);
  const Secret master = checked_master_key(c, *db);
  if (!force && ::isatty(STDOUT_FILENO) == 0)
    throw Failure(
        "refusing to print the master key to a file or pipe; run it on a terminal and copy it "
        "by hand onto paper (or pass --force if you really mean it)");
  std::fprintf(stderr,
               "WARNING: the next lines ARE the master key. Anyone holding them can read every "
               "customer's personal data. Write them on paper, store it offline (a safe), then "
               "clear the screen. Check the copy with `bulwark admin keys verify-escrow`.\n");
  std::printf("Bulwark master key, fingerprint %s\n%s", crypto::master_fingerprint(master).c_str(),
              crypto::escrow_text(master).c_str());
  return kOk;
}

int keys_verify_escrow() {
  config::Config c;
  auto db = open_db(c);
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  // The heading line printed by `escrow` may be pasted too.
  if (text.starts_with("Bulwark master key")) text.erase(0, text.find('\n') + 1);
  auto copy = crypto::parse_escrow(text);
  if (!copy) throw Failure("the copy cannot be read: " + copy.error());
  const auto recorded = crypto::recorded_fingerprint(*db);
  if (!recorded)
    throw Failure("the database has no master key fingerprint yet; start the server once");
  const auto fingerprint = crypto::master_fingerprint(*copy);
  if (fingerprint != *recorded) {
    std::printf("DOES NOT MATCH: the copy's fingerprint is %s, the database's is %s\n",
                fingerprint.c_str(), recorded->c_str());
    return kFailure;
  }
  std::printf("the copy matches the database's master key (fingerprint %s)\n", fingerprint.c_str());
  return kOk;
}

int keys_rotate_master() {
  config::Config c;
  auto db = open_db(c);
  const Secret current = configured_master(c);
  auto next = crypto::read_key_variable(process_env, "BULWARK_NEW_MASTER_KEY");
  if (!next) throw Failure(next.error());
  if (!*next)
    throw Failure(
        "set BULWARK_NEW_MASTER_KEY or BULWARK_NEW_MASTER_KEY_FILE to the new key "
        "(e.g. `openssl rand -base64 32`)");
  const Secret& new_key = (*next)->key;
  if (crypto::master_fingerprint(new_key) == crypto::master_fingerprint(current))
    throw Failure("BULWARK_NEW_MASTER_KEY is the current master key");
  const auto now = identity::now_ms();
  int rewrapped = 0;
  db->transaction([&](store::Connection& conn) {
    auto done = crypto::rotate_master(conn, current, new_key, now);
    if (!done) throw Failure(done.error() + "; nothing was changed");
    rewrapped = *done;
    std::map<std::int64_t, bool> orgs;
    for (const auto& k : crypto::all_org_keys(conn)) orgs[k.org_id] = true;
    // Each organization's audit log records that its keys were re-wrapped.
    for (const auto& [org, _] : orgs)
      audit::append(conn, cli_entry(org, "keys.master_rotated", "org", std::to_string(org)));
  });
  std::printf(
      "re-wrapped %d keys; the database's master key fingerprint is now %s\n"
      "Next: replace BULWARK_MASTER_KEY with the new key on every instance and restart them "
      "(a server started with the old key now refuses), make a new escrow copy, and destroy "
      "the old key's copies once a backup taken after this point has been verified.\n",
      rewrapped, crypto::master_fingerprint(new_key).c_str());
  return kOk;
}

}  // namespace

void register_keys(CLI::App& admin, const Chosen& chosen) {
  auto* keys =
      admin.add_subcommand("keys", "Field-encryption key hierarchy (docs/key-management.md).");
  keys->add_subcommand("status",
                       "Master key fingerprint and each organization's key ids (no secrets).")
      ->callback([chosen] { *chosen = keys_status; });
  auto force = std::make_shared<bool>(false);
  auto* escrow = keys->add_subcommand(
      "escrow",
      "Print the master key for an offline (paper) copy, with line checksums; only to a terminal.");
  escrow->add_flag("--force", *force, "Print even when standard output is not a terminal");
  escrow->callback([chosen, force] { *chosen = [force] { return keys_escrow(*force); }; });
  keys->add_subcommand("verify-escrow",
                       "Read a typed or pasted escrow copy on standard input and check it against "
                       "the database's master key fingerprint. Exit 1 if it differs.")
      ->callback([chosen] { *chosen = keys_verify_escrow; });
  keys->add_subcommand(
          "rotate-master",
          "Re-wrap every organization's keys under BULWARK_NEW_MASTER_KEY[_FILE] in one "
          "transaction (audited); then swap the keys in the environment.")
      ->callback([chosen] { *chosen = keys_rotate_master; });
  register_keys_rotate_data(*keys, chosen);
  keys->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
