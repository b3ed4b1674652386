#include "cli/admin_support.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "crypto/key_ring.hpp"
#include "crypto/key_store.hpp"
#include "crypto/master_key.hpp"
#include "identity/accounts.hpp"
#include "identity/clock.hpp"

namespace bulwark::cli::admin {

std::unique_ptr<store::Database> open_db(config::Config& c) {
  auto loaded = config::load_from_process_environment();
  if (!loaded) {
    for (const auto& p : loaded.error()) std::fprintf(stderr, "  - %s\n", p.c_str());
    throw Failure("the configuration is invalid");
  }
  c = std::move(*loaded);
  store::DatabaseOptions o;
  o.url = c.effective_database_url();
  o.pool_size = 2;
  auto db = store::open_database(o);
  store::migrate(*db);
  attach_key_ring_if_configured(c, *db);
  return db;
}

void attach_key_ring_if_configured(const config::Config& c, store::Database& db) {
  auto key = crypto::load_master_key(
      [](const char* name) -> std::optional<std::string> {
        if (const char* v = std::getenv(name)) return std::string(v);
        return std::nullopt;
      },
      c.environment == config::Environment::production, c.data_dir);
  // Without a usable key, commands that touch no personal data still run;
  // the others stop at their first personal field with a message.
  if (!key || !crypto::check_master_fingerprint(db, key->key, identity::now_ms())) return;
  crypto::attach_key_ring(db, key->key, identity::now_ms);
}

identity::Org require_org(store::Database& db, const std::string& slug) {
  auto org = identity::find_org_by_slug(db, slug);
  if (!org) throw Failure("no organization with slug '" + slug + "'");
  return *org;
}

identity::Credentials require_user(store::Database& db, const std::string& email) {
  auto creds = identity::find_credentials(db, email);
  if (!creds) throw Failure("no user with that email");
  return *creds;
}

identity::Credentials require_member(store::Database& db, const std::string& email,
                                     const std::string& org_slug) {
  auto creds = require_user(db, email);
  std::vector<identity::Membership> all;
  db.with_connection(
      [&](store::Connection& c) { all = identity::memberships_of(c, creds.account_id); });
  if (org_slug.empty()) {
    if (all.size() <= 1) return creds;
    std::string slugs;
    for (const auto& m : all) slugs += (slugs.empty() ? "" : ", ") + m.org_slug;
    throw Failure("this person belongs to " + std::to_string(all.size()) + " organizations (" +
                  slugs + "): name one with --org SLUG");
  }
  for (const auto& m : all) {
    if (m.org_slug != org_slug) continue;
    auto user = identity::find_user_by_email(db, m.org_id, email);
    if (!user) break;
    creds.user = *user;
    return creds;
  }
  throw Failure("that person is not a member of '" + org_slug + "'");
}

audit::Entry cli_entry(std::int64_t org, std::string action, std::string target_type,
                       std::string target_id) {
  audit::Entry e;
  e.org_id = org;
  e.actor_type = "cli";
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = std::move(target_id);
  e.ip = "local";
  return e;
}

CLI::App* add_command(CLI::App& admin, const Chosen& chosen, const char* name, const char* help,
                      const Runner& run) {
  auto* cmd = admin.add_subcommand(name, help);
  cmd->callback([chosen, run] { *chosen = run; });
  return cmd;
}

}  // namespace bulwark::cli::admin
