// `bulwark admin create-org`: a new organization (tenant), audited as
// org.created.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "cli/admin_keys.hpp"
#include "core/org_time.hpp"
#include "crypto/key_store.hpp"
#include "identity/clock.hpp"

namespace bulwark::cli::admin {

namespace {

struct CreateOrgOptions {
  std::string slug, name;
  std::string time_zone;  // IANA name, required
};

int create_org(const CreateOrgOptions& o) {
  config::Config c;
  auto db = open_db(c);
  if (!identity::valid_slug(o.slug))
    throw Failure("the slug must be lower-case letters, digits and '-' (at most 64)");
  // Every local day and customer-facing time uses it (issue 12): no silent UTC.
  if (!core::is_valid_time_zone(o.time_zone))
    throw Failure("--time-zone '" + o.time_zone +
                  "' is not an IANA time zone (e.g. America/New_York, Europe/London, UTC)");
  // Its encryption keys are made with it, under the checked master key, so
  // rotate-master and backups cover the organization from the start.
  const Secret master = checked_master_key(c, *db);
  identity::Org org;
  try {
    db->transaction([&](store::Connection& conn) {
      org = identity::create_org(conn, o.slug, o.name, o.time_zone);
      audit::append(conn, cli_entry(org.id, "org.created", "org", std::to_string(org.id)));
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("an organization with slug '" + o.slug + "' already exists");
  }
  crypto::create_missing_org_keys(*db, master, identity::now_ms());  // idempotent
  std::printf("created organization %s (id %lld, time zone %s)\n", org.slug.c_str(),
              static_cast<long long>(org.id), org.time_zone.c_str());
  return kOk;
}

}  // namespace

void register_create_org(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<CreateOrgOptions>();
  auto* c = add_command(admin, chosen, "create-org", "Create an organization (tenant).",
                        [o] { return create_org(*o); });
  c->add_option("--slug", o->slug, "Short name used in URLs (a-z, 0-9, -)")->required();
  c->add_option("--name", o->name, "Display name")->required();
  c->add_option("--time-zone", o->time_zone,
                "IANA time zone of the organization's days and texts (e.g. America/New_York)")
      ->required();
}

}  // namespace bulwark::cli::admin
