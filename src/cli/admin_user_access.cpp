// `bulwark admin set-role`, `reset-password` and `deactivate-user`: changing
// what a user may do. Each ends the user's sessions in the same transaction,
// so the change takes effect at once, and none leaves an organization
// without an active owner.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "cli/admin_password.hpp"
#include "identity/accounts.hpp"
#include "identity/clock.hpp"
#include "identity/sessions.hpp"
#include "security/passwords.hpp"

namespace bulwark::cli::admin {

namespace {

struct AccessOptions {
  std::string email, role, org;
  bool password_stdin = false;
};

int set_role(const AccessOptions& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_member(*db, o.email, o.org);
  auto role = security::parse_role(o.role);
  if (!role) throw Failure("--role must be owner, admin, dispatcher, technician or viewer");
  db->transaction([&](store::Connection& conn) {
    const auto& u = creds.user;
    identity::lock_owner_set(conn, u.org_id);  // the same lock the API takes: no ownerless org
    if (u.role == security::Role::owner && *role != security::Role::owner &&
        identity::count_active_owners(conn, u.org_id) <= 1)
      throw Failure("this is the organization's last owner");
    identity::set_role(conn, u.org_id, u.id, *role);
    identity::delete_user_sessions(conn, u.org_id, u.id);
    auto e = cli_entry(u.org_id, "user.role_changed", "user", std::to_string(u.id));
    e.fields = {"role"};
    audit::append(conn, e);
  });
  std::printf("%s is now %s; their sessions were ended\n", creds.user.email.c_str(),
              o.role.c_str());
  return kOk;
}

int reset_password(const AccessOptions& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_user(*db, o.email);
  auto [password, generated] =
      obtain_password(o.password_stdin, {creds.user.email, creds.user.name});
  const auto hash = security::hash_password(password, c.bcrypt_cost);
  db->transaction([&](store::Connection& conn) {
    identity::set_account_password(conn, creds.account_id, hash, identity::now_ms());
    identity::delete_account_sessions(conn, creds.account_id);
    auto e =
        cli_entry(creds.user.org_id, "user.password_reset", "user", std::to_string(creds.user.id));
    e.fields = {"password_hash"};
    audit::append(conn, e);
  });
  std::printf("password reset for %s; their sessions were ended\n", creds.user.email.c_str());
  if (generated) std::printf("new password (shown once): %s\n", password.c_str());
  return kOk;
}

int deactivate_user(const AccessOptions& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_member(*db, o.email, o.org);
  std::int64_t ended = 0;
  db->transaction([&](store::Connection& conn) {
    const auto& u = creds.user;
    identity::lock_owner_set(conn, u.org_id);
    if (u.role == security::Role::owner && identity::count_active_owners(conn, u.org_id) <= 1)
      throw Failure("this is the organization's last owner");
    identity::set_active(conn, u.org_id, u.id, false);
    ended = identity::delete_user_sessions(conn, u.org_id, u.id);
    auto e = cli_entry(u.org_id, "user.deactivated", "user", std::to_string(u.id));
    e.fields = {"active"};
    audit::append(conn, e);
  });
  std::printf("deactivated %s; %lld sessions ended\n", creds.user.email.c_str(),
              static_cast<long long>(ended));
  return kOk;
}

}  // namespace

void register_set_role(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<AccessOptions>();
  auto* c = add_command(admin, chosen, "set-role", "Change a user's role (ends their sessions).",
                        [o] { return set_role(*o); });
  c->add_option("--email", o->email)->required();
  c->add_option("--role", o->role)->required();
  c->add_option("--org", o->org, "The organization (for a person in several)");
}

void register_reset_password(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<AccessOptions>();
  auto* c =
      add_command(admin, chosen, "reset-password", "Set a new password (ends their sessions).",
                  [o] { return reset_password(*o); });
  c->add_option("--email", o->email)->required();
  c->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
}

void register_deactivate_user(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<AccessOptions>();
  auto* c = add_command(admin, chosen, "deactivate-user",
                        "Deactivate a user and end their sessions at once.",
                        [o] { return deactivate_user(*o); });
  c->add_option("--email", o->email)->required();
  c->add_option("--org", o->org, "The organization (for a person in several)");
}

}  // namespace bulwark::cli::admin
