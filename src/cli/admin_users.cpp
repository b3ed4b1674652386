// `bulwark admin create-user` and `list-users`: adding a user to an
// organization (the first owner, typically) and listing who is in it.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>
#include <tuple>

#include "cli/admin_commands.hpp"
#include "cli/admin_password.hpp"
#include "identity/accounts.hpp"
#include "security/passwords.hpp"

namespace bulwark::cli::admin {

namespace {

struct CreateUserOptions {
  std::string org, email, role, name;
  bool password_stdin = false;
  bool password_hash_stdin = false;
};

// A bcrypt hash brought from another system (moving a team's accounts over,
// or a test suite that hashes its one password once): read from standard
// input, never the command line, and only "$2b$" at cost 12 or more
// (MUST-009). The password policy applies when its owner next changes it.
std::string read_imported_hash() {
  std::string line;
  if (!std::getline(std::cin, line)) throw Failure("no password hash on standard input");
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (!security::importable_bcrypt_hash(line))
    throw Failure("--password-hash-stdin takes a bcrypt \"$2b$\" hash of cost 12 or more");
  return line;
}

int create_user(const CreateUserOptions& o) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, o.org);
  auto role = security::parse_role(o.role);
  if (!role) throw Failure("--role must be owner, admin, dispatcher, technician or viewer");
  const auto email = identity::normalize_email(o.email);
  if (!identity::plausible_email(email)) throw Failure("--email is not a valid email address");
  // An address that already signs in elsewhere joins this organization with
  // its own password: the operator neither sees nor sets it.
  std::optional<identity::Account> existing;
  db->with_connection([&](store::Connection& c) { existing = identity::find_account(c, email); });
  if (existing) {
    identity::User user;
    try {
      db->transaction([&](store::Connection& conn) {
        user = identity::add_member(conn, org.id, existing->id, email, o.name, *role);
        auto e = cli_entry(org.id, "user.created", "user", std::to_string(user.id));
        e.fields = {"email", "name", "role"};
        audit::append(conn, e);
      });
    } catch (const store::ConstraintViolation&) {
      throw Failure("this person is already a member of " + org.slug);
    }
    std::printf("added %s (an existing account, password unchanged) to %s as %s (id %lld)\n",
                email.c_str(), org.slug.c_str(), o.role.c_str(), static_cast<long long>(user.id));
    return kOk;
  }
  if (o.password_stdin && o.password_hash_stdin)
    throw Failure("give --password-stdin or --password-hash-stdin, not both");
  std::string password, hash;
  bool generated = false;
  if (o.password_hash_stdin) {
    hash = read_imported_hash();
  } else {
    std::tie(password, generated) = obtain_password(o.password_stdin, {email, o.name});
    std::fprintf(stderr, "hashing the password (bcrypt cost %d)...\n", c.bcrypt_cost);
    hash = security::hash_password(password, c.bcrypt_cost);
  }
  identity::User user;
  try {
    db->transaction([&](store::Connection& conn) {
      user = identity::create_user(conn, org.id, email, o.name, *role, hash);
      auto e = cli_entry(org.id, "user.created", "user", std::to_string(user.id));
      e.fields = {"email", "name", "role", "password_hash"};
      audit::append(conn, e);
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("a user with this email already exists");
  }
  std::printf("created %s user %s in %s (id %lld)\n", o.role.c_str(), email.c_str(),
              org.slug.c_str(), static_cast<long long>(user.id));
  if (generated) std::printf("initial password (shown once): %s\n", password.c_str());
  return kOk;
}

int list_users(const std::string& org_slug) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, org_slug);
  std::printf("%-6s %-36s %-11s %-8s %s\n", "id", "email", "role", "active", "name");
  std::int64_t after = 0;
  for (;;) {
    auto users = identity::list_users(*db, org.id, after, 500);
    for (const auto& u : users)
      std::printf("%-6lld %-36s %-11s %-8s %s\n", static_cast<long long>(u.id), u.email.c_str(),
                  std::string(security::role_name(u.role)).c_str(), u.active ? "yes" : "no",
                  u.name.c_str());
    if (users.size() < 500) break;
    after = users.back().id;
  }
  return kOk;
}

}  // namespace

void register_create_user(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<CreateUserOptions>();
  auto* c = add_command(admin, chosen, "create-user",
                        "Create a user; the password is prompted for, read with "
                        "--password-stdin, or generated and printed once.",
                        [o] { return create_user(*o); });
  c->add_option("--org", o->org, "Organization slug")->required();
  c->add_option("--email", o->email, "Login email")->required();
  c->add_option("--role", o->role, "owner | admin | dispatcher | technician | viewer")->required();
  c->add_option("--name", o->name, "Display name");
  c->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
  c->add_flag("--password-hash-stdin", o->password_hash_stdin,
              "Read an existing bcrypt hash ($2b$, cost 12 or more) from standard input");
}

void register_list_users(CLI::App& admin, const Chosen& chosen) {
  auto org = std::make_shared<std::string>();
  auto* c = add_command(admin, chosen, "list-users", "List an organization's users.",
                        [org] { return list_users(*org); });
  c->add_option("--org", *org, "Organization slug")->required();
}

}  // namespace bulwark::cli::admin
