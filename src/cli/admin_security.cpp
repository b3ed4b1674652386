// `bulwark admin security allow-ip` (issue 15 item 5): the way back in for an
// owner whose organization's IP allowlist leaves them out (a new office, a
// changed ISP). The web app refuses to save such a list for the owner's own
// address, but addresses change; only someone on the server can widen it.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "domain/org/security_policy.hpp"
#include "store/org_tx.hpp"

namespace bulwark::cli::admin {

namespace {

int allow_ip(const std::string& slug, const std::string& range) {
  config::Config c;
  auto db = open_db(c);
  const auto org = require_org(*db, slug);
  const audit::Actor by{org.id, "cli", std::nullopt, ""};
  auto list = store::in_org(*db, org.id,
                            [&](store::OrgTx& tx) { return domain::org::allow_ip(tx, by, range); });
  if (!list) throw Failure(list.error().what());
  std::printf("%s now allows sign-in from:\n", org.slug.c_str());
  for (const auto& r : *list) std::printf("  %s\n", r.c_str());
  return kOk;
}

}  // namespace

void register_security(CLI::App& admin, const Chosen& chosen) {
  auto* security =
      admin.add_subcommand("security", "An organization's security policy, from the server.");
  auto o = std::make_shared<std::pair<std::string, std::string>>();
  auto* allow = security->add_subcommand(
      "allow-ip",
      "Add a network to an organization's IP allowlist (audited; the way back in for a "
      "locked-out owner).");
  allow->add_option("--org", o->first, "Organization slug")->required();
  allow->add_option("range", o->second, "An address or CIDR range: 203.0.113.7, 2001:db8::/48")
      ->required();
  allow->callback([chosen, o] { *chosen = [o] { return allow_ip(o->first, o->second); }; });
  security->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
