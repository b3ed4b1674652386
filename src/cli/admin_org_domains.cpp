// `bulwark admin org verify-domain --org SLUG example.com`: the operator
// vouches that an organization owns an email domain (issue 15 item 4). SSO
// sign-in finds the organization by the address's domain, and a first SSO
// sign-in links an existing member only on such a domain, so only the
// operator (who can check DNS or a contract) may say so; public mail
// services and another organization's domain are refused.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "domain/sso/settings.hpp"

namespace bulwark::cli::admin {

namespace {

struct VerifyOptions {
  std::string org, domain;
};

int verify_domain(const VerifyOptions& o) {
  config::Config c;
  auto db = open_db(c);
  const auto org = require_org(*db, o.org);
  audit::Actor by;
  by.org_id = org.id;
  by.type = "cli";
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  if (auto done = domain::sso::verify_domain(*db, by, o.domain, now); !done)
    throw Failure(done.error());
  std::printf("%s verified for %s\n", o.domain.c_str(), org.slug.c_str());
  return kOk;
}

}  // namespace

void register_org(CLI::App& admin, const Chosen& chosen) {
  auto* org = admin.add_subcommand("org", "Organization settings only the operator may make.");
  auto o = std::make_shared<VerifyOptions>();
  auto* verify = org->add_subcommand(
      "verify-domain",
      "Mark an email domain as the organization's (single sign-on finds the organization by "
      "it). Refuses public mail services and another organization's domain.");
  verify->add_option("--org", o->org, "Organization slug")->required();
  verify->add_option("domain", o->domain, "The domain, e.g. example.com")->required();
  verify->callback([chosen, o] { *chosen = [o] { return verify_domain(*o); }; });
  org->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
