#include "cli/seed_demo_plant.hpp"

#include <array>
#include <optional>
#include <string>

#include "cli/seed_demo_pm_history.hpp"
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
    "interval_value, meter_kind, lead_days, next_due_at, next_meter_value, created_at, "
    "checklist_template_id, estimated_minutes, assignee_id) "
    "VALUES ($1, $2, $3, $4, 'medium', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id");
constexpr OrgSql kChecklist(
    "INSERT INTO checklist_templates (org_id, name, created_at) VALUES ($1, $2, $3) RETURNING id");
constexpr OrgSql kChecklistItem(
    "INSERT INTO checklist_template_items (org_id, work_type, label, kind, unit, required, "
    "created_at, template_id) VALUES ($1, 'preventive', $2, $3, $4, $5, $6, $7)");

struct Item {
  const char* label;
  const char* kind;
  const char* unit;
  bool required;
};

// A named checklist template (issue 14 item 7) its PM schedule's work orders copy.
std::int64_t add_checklist(store::OrgTx& tx, const char* name, std::initializer_list<Item> items,
                           std::int64_t at) {
  const auto id = tx.run(kChecklist, std::string(name), at).rows.at(0).integer(0);
  for (const auto& i : items)
    tx.run(kChecklistItem, std::string(i.label), std::string(i.kind), std::string(i.unit),
           std::int64_t{i.required ? 1 : 0}, at, id);
  return id;
}

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

void seed_demo_plant(store::OrgTx& tx, std::int64_t now, std::int64_t tech) {
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
  const auto service = add_checklist(tx, "Compressor 2,000 h service",
                                     {{"Change oil", "checkbox", "", true},
                                      {"Replace air and oil filters", "checkbox", "", true},
                                      {"Belt tension", "pass_fail", "", true},
                                      {"Discharge pressure", "number", "psi", false}},
                                     now - 200 * kDay);
  const auto lube = add_checklist(tx, "Filler lubrication",
                                  {{"Grease main bearings", "checkbox", "", true},
                                   {"Seal wear", "pass_fail", "", true},
                                   {"Lube reservoir level", "number", "%", false}},
                                  now - 200 * kDay);
  const auto look = add_checklist(tx, "Conveyor weekly inspection",
                                  {{"Belt tracking and splice", "pass_fail", "", true},
                                   {"Guards in place", "checkbox", "", true}},
                                  now - 200 * kDay);
  const auto schedule = [&](std::int64_t asset, const char* title, const char* unit,
                            std::int64_t every, const store::Value& meter, std::int64_t lead,
                            const store::Value& due, const store::Value& threshold,
                            std::int64_t checklist, std::int64_t minutes) {
    return tx
        .run(kSchedule, site, asset, std::string(title), std::string(unit), every, meter, lead, due,
             threshold, now - 200 * kDay, checklist, minutes, tech)
        .rows.at(0)
        .integer(0);
  };
  schedule(compressor, "Compressor service (oil, filters, belts)", "meter", 2000,
           std::string("hours"), 14, nullptr, 12'000.0, service, 150);
  DemoPlant plant{site, customer, tech, conveyor, filler, compressor, 0, 0, 0, 0};
  plant.monthly_next_due = now + 9 * kDay;
  plant.monthly_schedule = schedule(filler, "Filler 1 lubrication and seal check", "months", 1,
                                    nullptr, 7, plant.monthly_next_due, nullptr, lube, 45);
  plant.weekly_next_due = now + 3 * kDay;
  plant.weekly_schedule = schedule(conveyor, "Conveyor 3 weekly inspection", "weeks", 1, nullptr, 2,
                                   plant.weekly_next_due, nullptr, look, 20);
  seed_demo_pm_history(tx, plant, now);
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
