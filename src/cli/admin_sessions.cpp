// `bulwark admin revoke-sessions`: ending sessions in bulk (one user, one
// organization, or every organization), each audited in its organization.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "identity/accounts.hpp"
#include "identity/sessions.hpp"

namespace bulwark::cli::admin {

namespace {

// --all audits the revocation in every organization.
constexpr store::CrossTenantSql kEveryOrg("SELECT id FROM orgs ORDER BY id");

struct RevokeOptions {
  std::string user, org;
  bool all = false;
};

int revoke_sessions(const RevokeOptions& o) {
  config::Config c;
  auto db = open_db(c);
  const int chosen = int(!o.user.empty()) + int(!o.org.empty()) + int(o.all);
  if (chosen != 1) throw Failure("give exactly one of --user EMAIL, --org SLUG or --all");
  std::int64_t ended = 0;
  if (!o.user.empty()) {
    // Every session of the person, in every organization they belong to:
    // an incident does not stop at one membership.
    auto creds = require_user(*db, o.user);
    db->transaction([&](store::Connection& conn) {
      ended = identity::delete_account_sessions(conn, creds.account_id);
      for (const auto& m : identity::memberships_of(conn, creds.account_id))
        audit::append(
            conn, cli_entry(m.org_id, "session.revoked_user", "user", std::to_string(m.user_id)));
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
      auto orgs = conn.query(kEveryOrg);
      for (const auto& row : orgs.rows)
        audit::append(conn, cli_entry(row.integer(0), "session.revoked_all", "org",
                                      std::to_string(row.integer(0))));
    });
  }
  std::printf("%lld sessions ended\n", static_cast<long long>(ended));
  return kOk;
}

}  // namespace

void register_revoke_sessions(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<RevokeOptions>();
  auto* c = add_command(admin, chosen, "revoke-sessions",
                        "End sessions: one user's, one organization's, or everyone's.",
                        [o] { return revoke_sessions(*o); });
  c->add_option("--user", o->user, "User email");
  c->add_option("--org", o->org, "Organization slug");
  c->add_flag("--all", o->all, "Every session of every organization");
}

}  // namespace bulwark::cli::admin
