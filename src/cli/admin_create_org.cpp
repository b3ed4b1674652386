// `bulwark admin create-org`: a new organization (tenant), audited as
// org.created.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"

namespace bulwark::cli::admin {

namespace {

struct CreateOrgOptions {
  std::string slug, name;
};

int create_org(const CreateOrgOptions& o) {
  config::Config c;
  auto db = open_db(c);
  if (!identity::valid_slug(o.slug))
    throw Failure("the slug must be lower-case letters, digits and '-' (at most 64)");
  identity::Org org;
  try {
    db->transaction([&](store::Connection& conn) {
      org = identity::create_org(conn, o.slug, o.name);
      audit::append(conn, cli_entry(org.id, "org.created", "org", std::to_string(org.id)));
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("an organization with slug '" + o.slug + "' already exists");
  }
  std::printf("created organization %s (id %lld)\n", org.slug.c_str(),
              static_cast<long long>(org.id));
  return kOk;
}

}  // namespace

void register_create_org(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<CreateOrgOptions>();
  auto* c = add_command(admin, chosen, "create-org", "Create an organization (tenant).",
                        [o] { return create_org(*o); });
  c->add_option("--slug", o->slug, "Short name used in URLs (a-z, 0-9, -)")->required();
  c->add_option("--name", o->name, "Display name")->required();
}

}  // namespace bulwark::cli::admin
