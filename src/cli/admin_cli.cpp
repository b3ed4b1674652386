#include "cli/admin_cli.hpp"

#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "audit/audit_log.hpp"
#include "cli/seed_demo.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "core/org_time.hpp"
#include "crypto/random.hpp"
#include "domain/phone.hpp"
#include "domain/pm_generation.hpp"
#include "identity/clock.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "messaging/sms_number.hpp"
#include "messaging/twilio_numbers.hpp"
#include "security/passwords.hpp"
#include "store/database.hpp"

namespace bulwark::cli {

namespace {

constexpr int kOk = 0, kFailure = 1, kUsage = 2;

struct Options {
  std::string slug, name, email, role, org;
  bool password_stdin = false;
  bool all = false;
  std::string user;
  std::string phone;
  bool unverified = false;
  std::string time_zone;  // create-org: IANA name, required
};

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

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
  return db;
}

std::string read_hidden_line(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  termios old{};
  const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::fprintf(stderr, "\n");
  return line;
}

// The new password and whether it was generated (then it is printed once).
std::pair<std::string, bool> obtain_password(const Options& o,
                                             const std::vector<std::string>& context) {
  std::string password;
  bool generated = false;
  if (o.password_stdin) {
    std::getline(std::cin, password);
  } else if (isatty(STDIN_FILENO)) {
    password = read_hidden_line("New password: ");
    if (password.empty()) {
      generated = true;
    } else if (read_hidden_line("Repeat it: ") != password) {
      throw Failure("the passwords do not match");
    }
  } else {
    generated = true;
  }
  if (generated) return {crypto::random_token(18), true};
  if (auto problem = security::check_password_policy(password, context))
    throw Failure("password refused: " + problem->message);
  return {password, false};
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

int create_org(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  if (!identity::valid_slug(o.slug))
    throw Failure("the slug must be lower-case letters, digits and '-' (at most 64)");
  // Every local day and customer-facing time uses it (issue 12): no silent UTC.
  if (!core::is_valid_time_zone(o.time_zone))
    throw Failure("--time-zone '" + o.time_zone +
                  "' is not an IANA time zone (e.g. America/New_York, Europe/London, UTC)");
  identity::Org org;
  try {
    db->transaction([&](store::Connection& conn) {
      org = identity::create_org(conn, o.slug, o.name, o.time_zone);
      audit::append(conn, cli_entry(org.id, "org.created", "org", std::to_string(org.id)));
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("an organization with slug '" + o.slug + "' already exists");
  }
  std::printf("created organization %s (id %lld, time zone %s)\n", org.slug.c_str(),
              static_cast<long long>(org.id), org.time_zone.c_str());
  return kOk;
}

int create_user(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, o.org);
  auto role = security::parse_role(o.role);
  if (!role) throw Failure("--role must be owner, admin, dispatcher, technician or viewer");
  const auto email = identity::normalize_email(o.email);
  if (!identity::plausible_email(email)) throw Failure("--email is not a valid email address");
  auto [password, generated] = obtain_password(o, {email, o.name});
  std::fprintf(stderr, "hashing the password (bcrypt cost %d)...\n", c.bcrypt_cost);
  const auto hash = security::hash_password(password, c.bcrypt_cost);
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

int set_role(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_user(*db, o.email);
  auto role = security::parse_role(o.role);
  if (!role) throw Failure("--role must be owner, admin, dispatcher, technician or viewer");
  db->transaction([&](store::Connection& conn) {
    const auto& u = creds.user;
    identity::lock_owner_set(conn, u.org_id);  // the same lock the API takes: no ownerless org
    if (u.role == security::Role::owner && *role != security::Role::owner &&
        identity::count_active_owners(conn, u.org_id) <= 1)
      throw Failure("this is the organization's last owner");
    identity::set_role(conn, u.org_id, u.id, *role);
    identity::delete_user_sessions(conn, u.id);
    auto e = cli_entry(u.org_id, "user.role_changed", "user", std::to_string(u.id));
    e.fields = {"role"};
    audit::append(conn, e);
  });
  std::printf("%s is now %s; their sessions were ended\n", creds.user.email.c_str(),
              o.role.c_str());
  return kOk;
}

int reset_password(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_user(*db, o.email);
  auto [password, generated] = obtain_password(o, {creds.user.email, creds.user.name});
  const auto hash = security::hash_password(password, c.bcrypt_cost);
  db->transaction([&](store::Connection& conn) {
    identity::set_password_hash(conn, creds.user.org_id, creds.user.id, hash);
    identity::delete_user_sessions(conn, creds.user.id);
    auto e =
        cli_entry(creds.user.org_id, "user.password_reset", "user", std::to_string(creds.user.id));
    e.fields = {"password_hash"};
    audit::append(conn, e);
  });
  std::printf("password reset for %s; their sessions were ended\n", creds.user.email.c_str());
  if (generated) std::printf("new password (shown once): %s\n", password.c_str());
  return kOk;
}

int deactivate_user(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto creds = require_user(*db, o.email);
  std::int64_t ended = 0;
  db->transaction([&](store::Connection& conn) {
    const auto& u = creds.user;
    identity::lock_owner_set(conn, u.org_id);
    if (u.role == security::Role::owner && identity::count_active_owners(conn, u.org_id) <= 1)
      throw Failure("this is the organization's last owner");
    identity::set_active(conn, u.org_id, u.id, false);
    ended = identity::delete_user_sessions(conn, u.id);
    auto e = cli_entry(u.org_id, "user.deactivated", "user", std::to_string(u.id));
    e.fields = {"active"};
    audit::append(conn, e);
  });
  std::printf("deactivated %s; %lld sessions ended\n", creds.user.email.c_str(),
              static_cast<long long>(ended));
  return kOk;
}

int revoke_sessions(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  const int chosen = int(!o.user.empty()) + int(!o.org.empty()) + int(o.all);
  if (chosen != 1) throw Failure("give exactly one of --user EMAIL, --org SLUG or --all");
  std::int64_t ended = 0;
  if (!o.user.empty()) {
    auto creds = require_user(*db, o.user);
    db->transaction([&](store::Connection& conn) {
      ended = identity::delete_user_sessions(conn, creds.user.id);
      audit::append(conn, cli_entry(creds.user.org_id, "session.revoked_user", "user",
                                    std::to_string(creds.user.id)));
    });
  } else if (!o.org.empty()) {
    auto org = require_org(*db, o.org);
    db->transaction([&](store::Connection& conn) {
      ended = identity::delete_org_sessions(conn, org.id);
      audit::append(conn, cli_entry(org.id, "session.revoked_org", "org", std::to_string(org.id)));
    });
  } else {
    db->transaction([&](store::Connection& conn) {
      ended = identity::delete_all_sessions(conn);
      auto orgs = conn.query(store::Sql("SELECT id FROM orgs ORDER BY id"));
      for (const auto& row : orgs.rows)
        audit::append(conn, cli_entry(row.integer(0), "session.revoked_all", "org",
                                      std::to_string(row.integer(0))));
    });
  }
  std::printf("%lld sessions ended\n", static_cast<long long>(ended));
  return kOk;
}

int list_users(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, o.org);
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

int audit_verify() {
  config::Config c;
  auto db = open_db(c);
  auto problems = audit::verify(*db, [](std::int64_t org, std::int64_t rows) {
    std::fprintf(stderr, "org %lld: %lld rows checked\n", static_cast<long long>(org),
                 static_cast<long long>(rows));
  });
  if (problems.empty()) {
    std::printf("audit log intact\n");
    return kOk;
  }
  for (const auto& p : problems)
    std::printf("TAMPERED org %lld seq %lld row %lld: %s\n", static_cast<long long>(p.org_id),
                static_cast<long long>(p.seq), static_cast<long long>(p.row_id), p.what.c_str());
  return kFailure;
}

int pm_run() {
  config::Config c;
  auto db = open_db(c);
  const int created = domain::generate_pm_work_orders(*db, identity::now_ms());
  std::printf("%d preventive-maintenance work orders created\n", created);
  return kOk;
}

// Numbers are the operator's to assign: an organization given a number
// receives its inbound texts, STOPs included. With Twilio credentials the
// number must be in that account; without them (demo data, a number set up
// before the credentials) only with --unverified.
int set_sms_number(const Options& o) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, o.org);
  auto phone = domain::normalize_phone(o.phone);
  if (!phone) throw Failure("--number must be a phone number in E.164 (+15551234567)");
  bool verified = false;
  if (!o.unverified) {
    if (!c.twilio_configured())
      throw Failure(
          "no Twilio credentials are configured (BULWARK_TWILIO_ACCOUNT_SID, "
          "BULWARK_TWILIO_AUTH_TOKEN), so the number cannot be checked against the "
          "account; pass --unverified to assign it anyway (demo data)");
    std::fprintf(stderr, "checking %s in Twilio account %s ...\n", phone->c_str(),
                 c.twilio_account_sid.c_str());
    const auto check = messaging::check_twilio_number(c, *phone);
    if (check.ownership == messaging::NumberOwnership::unreachable)
      throw Failure("could not ask Twilio whether the account owns the number (" + check.detail +
                    "); nothing was changed");
    if (check.ownership == messaging::NumberOwnership::not_owned)
      throw Failure("the Twilio account " + c.twilio_account_sid + " has no number " + *phone +
                    "; nothing was changed");
    verified = true;
  }
  try {
    db->transaction([&](store::Connection& conn) {
      messaging::set_org_sms_number(conn, org.id, *phone, identity::now_ms(), verified);
      auto entry =
          cli_entry(org.id, verified ? "org.sms_number_set" : "org.sms_number_set_unverified",
                    "org", std::to_string(org.id));
      entry.fields = {"sms_number"};
      audit::append(conn, entry);
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("another organization already uses this number");
  }
  std::printf("organization %s now sends and receives SMS on %s (%s)\n", org.slug.c_str(),
              phone->c_str(), verified ? "verified in the Twilio account" : "unverified");
  return kOk;
}

// What the operator has to act on: every organization's number and whether
// it was verified, and the numbers admins asked for.
int sms_numbers() {
  config::Config c;
  auto db = open_db(c);
  std::printf("%-24s %-16s %s\n", "organization", "number", "state");
  for (const auto& r :
       db->query(store::Sql("SELECT o.slug, n.phone, n.verified FROM org_sms_numbers n "
                            "JOIN orgs o ON o.id = n.org_id ORDER BY o.slug"))
           .rows)
    std::printf("%-24s %-16s %s\n", r.text(0).c_str(), r.text(1).c_str(),
                r.integer(2) ? "verified" : "UNVERIFIED (assigned without a Twilio check)");
  const auto requests = messaging::pending_sms_requests(*db);
  std::printf("\n%zu pending request(s)\n", requests.size());
  for (const auto& q : requests)
    std::printf("  %-22s by %-32s area code %-5s %s\n", q.org_slug.c_str(),
                q.requested_by_email.c_str(), q.area_code.empty() ? "any" : q.area_code.c_str(),
                q.note.c_str());
  return kOk;
}

int guarded(const std::function<int()>& f) {
  try {
    return f();
  } catch (const Failure& e) {
    std::fprintf(stderr, "bulwark admin: %s\n", e.what());
    return kUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bulwark admin: failed: %s\n", e.what());
    return kFailure;
  }
}

}  // namespace

std::function<int()> register_admin_commands(CLI::App& admin) {
  auto o = std::make_shared<Options>();
  auto chosen = std::make_shared<std::function<int()>>();
  auto on = [&admin, chosen](const char* name, const char* help, const std::function<int()>& run) {
    auto* cmd = admin.add_subcommand(name, help);
    cmd->callback([chosen, run] { *chosen = run; });
    return cmd;
  };

  auto* c = on("create-org", "Create an organization (tenant).", [o] { return create_org(*o); });
  c->add_option("--slug", o->slug, "Short name used in URLs (a-z, 0-9, -)")->required();
  c->add_option("--name", o->name, "Display name")->required();
  c->add_option("--time-zone", o->time_zone,
                "IANA time zone of the organization's days and texts (e.g. America/New_York)")
      ->required();

  c = on("create-user",
         "Create a user; the password is prompted for, read with "
         "--password-stdin, or generated and printed once.",
         [o] { return create_user(*o); });
  c->add_option("--org", o->org, "Organization slug")->required();
  c->add_option("--email", o->email, "Login email")->required();
  c->add_option("--role", o->role, "owner | admin | dispatcher | technician | viewer")->required();
  c->add_option("--name", o->name, "Display name");
  c->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");

  c = on("set-role", "Change a user's role (ends their sessions).", [o] { return set_role(*o); });
  c->add_option("--email", o->email)->required();
  c->add_option("--role", o->role)->required();

  c = on("reset-password", "Set a new password (ends their sessions).",
         [o] { return reset_password(*o); });
  c->add_option("--email", o->email)->required();
  c->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");

  c = on("deactivate-user", "Deactivate a user and end their sessions at once.",
         [o] { return deactivate_user(*o); });
  c->add_option("--email", o->email)->required();

  c = on("revoke-sessions", "End sessions: one user's, one organization's, or everyone's.",
         [o] { return revoke_sessions(*o); });
  c->add_option("--user", o->user, "User email");
  c->add_option("--org", o->org, "Organization slug");
  c->add_flag("--all", o->all, "Every session of every organization");

  c = on("list-users", "List an organization's users.", [o] { return list_users(*o); });
  c->add_option("--org", o->org, "Organization slug")->required();

  c = on("set-sms-number",
         "Assign the Twilio number an organization's customers text (E.164); "
         "checked against the configured Twilio account.",
         [o] { return set_sms_number(*o); });
  c->add_option("--org", o->org, "Organization slug")->required();
  c->add_option("--number", o->phone, "The Twilio phone number, e.g. +15551234567")->required();
  c->add_flag("--unverified", o->unverified,
              "Assign without checking the Twilio account (demo data, or no credentials yet)");

  on("sms-numbers",
     "List every organization's SMS number (verified or not) and the numbers "
     "admins have requested.",
     [] { return sms_numbers(); });

  register_seed_demo(admin, *chosen);
  on("pm-run",
     "Create the work orders of due preventive-maintenance schedules now (the server "
     "also does this every BULWARK_PM_INTERVAL). Safe to run any number of times.",
     [] { return pm_run(); });

  auto* audit_cmd = admin.add_subcommand("audit", "Audit log tools.");
  auto* verify = audit_cmd->add_subcommand(
      "verify",
      "Recompute every organization's hash chain; names the first edited, inserted or "
      "deleted row. Exit 1 if tampered.");
  verify->callback([chosen] { *chosen = audit_verify; });
  audit_cmd->require_subcommand(1);

  return [chosen] { return *chosen ? guarded(*chosen) : kUsage; };
}

}  // namespace bulwark::cli
