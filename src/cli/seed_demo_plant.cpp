#include "cli/seed_demo_plant.hpp"

#include <array>
#include <optional>
#include <string>

#include "domain/customers/repo.hpp"
#include "domain/work_orders/visit_text.hpp"

namespace bulwark::cli {

namespace {

using store::OrgSql;

constexpr OrgSql kAsset(
    "INSERT INTO assets (org_id, site_id, name, type, make, model, serial, created_at, "
    "parent_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
constexpr OrgSql kChange(
    "INSERT INTO asset_status_changes (org_id, asset_id, from_status, to_status, reason, "
    "changed_by, changed_at, row_key) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)");

constexpr OrgSql kReading(
    "INSERT INTO meter_readings (org_id, asset_id, kind, value, read_at, recorded_by) "
    "VALUES ($1, $2, 'hours', $3, $4, 0)");
constexpr OrgSql kSchedule(
    "INSERT INTO pm_schedules (org_id, site_id, asset_id, title, priority, interval_unit, "
    "interval_value, meter_kind, lead_days, next_due_at, next_meter_value, created_at) "
    "VALUES ($1, $2, $3, $4, 'medium', $5, $6, $7, $8, $9, $10, $11)");

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
  std::int64_t conveyor = 0, filler = 0, compressor = 0;
  for (const auto& m : kMachines) {
    const std::string_view name = m.name;
    const bool broken = name == "Conveyor 3";
    const auto id = add_asset(tx, site, m, hall, broken ? "down" : "running", now - 300 * kDay);
    if (broken) conveyor = id;
    if (name == "Filler 1") filler = id;
    if (name == "Air compressor") compressor = id;
  }
  // The compressor's hour meter, read weekly for twelve weeks (about 80 h a
  // week), and its service every 2,000 hours, due at 12,000; the filler is
  // lubricated monthly, next due in nine days with a 7-day lead. Nothing is
  // generated at once (the meter is below its threshold): the PM worker makes
  // the filler's work order two days after the demo starts.
  for (int week = 12; week >= 0; --week)
    tx.run(kReading, compressor, 11'000.0 - 80.0 * week + (week % 3) * 3.5, now - week * 7 * kDay);
  tx.run(kSchedule, site, compressor, std::string("Compressor service (oil, filters, belts)"),
         std::string("meter"), std::int64_t{2000}, std::string("hours"), std::int64_t{14},
         store::Value(nullptr), 12'000.0, now - 200 * kDay);
  tx.run(kSchedule, site, filler, std::string("Filler 1 lubrication and seal check"),
         std::string("months"), std::int64_t{1}, store::Value(nullptr), std::int64_t{7},
         now + 9 * kDay, store::Value(nullptr), now - 200 * kDay);
  // Conveyor 3: a stop earlier (2 hours, fixed), and down since this morning.
  // Reasons are sealed like every status change's (repo_status.cpp).
  const auto change = [&](const char* from, const char* to, std::string_view reason,
                          std::int64_t at) {
    const auto sealed = domain::work_orders::seal_new(tx, "asset_status_changes", "reason", reason);
    tx.run(kChange, conveyor, std::string(from), std::string(to), sealed.text, at, sealed.row_key);
  };
  change("running", "down", "Belt tracking off, product jammed", now - 6 * kDay);
  change("down", "running", "Belt re-tracked", now - 6 * kDay + 2 * kHour);
  change("running", "down", "Belt torn at the splice; new belt ordered", now - 3 * kHour);
}

}  // namespace bulwark::cli
