#include "cli/seed_demo_plant.hpp"

#include <array>
#include <optional>
#include <string>

#include "domain/customers/repo.hpp"

namespace bulwark::cli {

namespace {

using store::OrgSql;

constexpr OrgSql kAsset(
    "INSERT INTO assets (org_id, site_id, name, type, make, model, serial, created_at, "
    "parent_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
constexpr OrgSql kChange(
    "INSERT INTO asset_status_changes (org_id, asset_id, from_status, to_status, reason, "
    "changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, NULL, $6)");

struct Machine {
  const char* name;
  const char* type;
  const char* make;
  const char* model;
};
constexpr std::array kMachines = {
    Machine{"Filler 1", "Filler", "Krones", "Modulfill VFS"},
    Machine{"Capper", "Capper", "Zalkin", "CA-12"},
    Machine{"Conveyor 3", "Conveyor", "Dorner", "3200 Series"},
    Machine{"Air compressor", "Compressor", "Atlas Copco", "GA 37"},
};

std::int64_t add_asset(store::OrgTx& tx, std::int64_t site, const Machine& m,
                       std::optional<std::int64_t> parent, const char* status, std::int64_t at) {
  return tx
      .run(kAsset, site, std::string(m.name), std::string(m.type), std::string(m.make),
           std::string(m.model), std::string(), at, parent, std::string(status))
      .rows.at(0)
      .integer(0);
}

}  // namespace

void seed_demo_plant(store::OrgTx& tx, std::int64_t now) {
  constexpr std::int64_t kHour = 3'600'000;
  constexpr std::int64_t kDay = 24 * kHour;
  domain::customers::NewCustomer c;
  c.name.value = "Riverside Bottling Co.";
  c.phone = resource::Phone{"+12025550188"};
  c.billing_address.emplace().value = "400 Riverside Industrial Pkwy";
  const auto customer = domain::customers::repo::insert(tx, c, now - 300 * kDay);
  domain::customers::NewSite s;
  s.name.value = "Riverside plant";
  s.address.value = "400 Riverside Industrial Pkwy";
  s.access_notes.emplace().value = "Sign in at the guard house; hard hats past the yellow line";
  const auto site = domain::customers::repo::insert_site(tx, customer, s, now - 300 * kDay).id;
  const auto hall = add_asset(tx, site, {"Bottling hall", "Area", "", ""}, std::nullopt, "running",
                              now - 300 * kDay);
  std::int64_t conveyor = 0;
  for (const auto& m : kMachines) {
    const bool broken = std::string_view(m.name) == "Conveyor 3";
    const auto id = add_asset(tx, site, m, hall, broken ? "down" : "running", now - 300 * kDay);
    if (broken) conveyor = id;
  }
  // Conveyor 3: a stop earlier (2 hours, fixed), and down since this morning.
  const std::string belt = "Belt tracking off, product jammed";
  tx.run(kChange, conveyor, std::string("running"), std::string("down"), belt, now - 6 * kDay);
  tx.run(kChange, conveyor, std::string("down"), std::string("running"),
         std::string("Belt re-tracked"), now - 6 * kDay + 2 * kHour);
  tx.run(kChange, conveyor, std::string("running"), std::string("down"),
         std::string("Belt torn at the splice; new belt ordered"), now - 3 * kHour);
}

}  // namespace bulwark::cli
