#include "cli/seed_demo_pm_history.hpp"

#include <algorithm>
#include <string>
#include <variant>

#include "domain/work_orders/visit_text.hpp"

namespace bulwark::cli {

namespace {

using store::OrgSql;
using store::Value;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;

constexpr OrgSql kNextNumber(
    "INSERT INTO org_counters (org_id, name, value) VALUES ($1, 'work_order', 1001) "
    "ON CONFLICT (org_id, name) DO UPDATE SET value = org_counters.value + 1 RETURNING value");
constexpr OrgSql kWorkOrder(
    "INSERT INTO work_orders (org_id, number, title, description, type, priority, status, "
    "customer_id, site_id, asset_id, assignee_id, due_at, estimated_hours, created_by, "
    "created_at, updated_at, completed_at, notify_customer, row_key) VALUES ($1, $2, $3, $4, "
    "$5, 'medium', $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15, 0, $16) RETURNING id");
constexpr OrgSql kHistory(
    "INSERT INTO work_order_history (org_id, work_order_id, from_status, to_status, actor_id, "
    "at) VALUES ($1, $2, NULL, $3, NULL, $4)");
constexpr OrgSql kGenerated(
    "INSERT INTO pm_generated (org_id, schedule_id, due_key, work_order_id) "
    "VALUES ($1, $2, $3, $4)");
constexpr OrgSql kTime(
    "INSERT INTO work_order_time (org_id, work_order_id, user_id, minutes, created_at) "
    "VALUES ($1, $2, $3, $4, $5)");
constexpr OrgSql kPart(
    "INSERT INTO work_order_parts (org_id, work_order_id, name, quantity, unit_cost_cents, "
    "added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");

struct Job {
  std::string title, type, status;
  std::int64_t asset = 0;
  Value due;
  std::int64_t created = 0;
  Value completed;
  double hours = 1;
};

std::int64_t add_work_order(store::OrgTx& tx, const DemoPlant& p, const Job& j) {
  const auto number = tx.run(kNextNumber).rows.at(0).integer(0);
  const auto description = domain::work_orders::seal_new(tx, "work_orders", "description", "");
  const auto at = std::holds_alternative<std::nullptr_t>(j.completed)
                      ? j.created
                      : std::get<std::int64_t>(j.completed);
  const auto id =
      tx.run(kWorkOrder, number, j.title, description.text, j.type, j.status, p.customer, p.site,
             j.asset, p.tech, j.due, j.hours, j.created, at, j.completed, description.row_key)
          .rows.at(0)
          .integer(0);
  tx.run(kHistory, id, j.status, at);
  return id;
}

// A schedule's past occurrences, `every` apart before `next_due`: done two
// hours before the due time, except those late by a day and a half and one
// cancelled (missed: never done).
void past_occurrences(store::OrgTx& tx, const DemoPlant& p, std::int64_t schedule,
                      std::int64_t asset, const std::string& title, std::int64_t next_due,
                      std::int64_t every, int count, std::initializer_list<int> late, int missed) {
  for (int k = count; k >= 1; --k) {
    const auto due = next_due - k * every;
    const bool is_late = std::find(late.begin(), late.end(), k) != late.end();
    Job j{title, "preventive", "closed", asset, Value(due), due - 7 * kDay, Value(nullptr), 1.5};
    if (k == missed)
      j.status = "cancelled";
    else
      j.completed = Value(is_late ? due + 36 * kHour : due - 2 * kHour);
    const auto wo = add_work_order(tx, p, j);
    tx.run(kGenerated, schedule, "t:" + std::to_string(due), wo);
    if (k != missed) tx.run(kTime, wo, p.tech, std::int64_t{75}, due);
  }
}

// A repair: the machine's work order from the call to the fix, its labour
// and its parts (name, quantity, unit cost in cents).
struct Part {
  const char* name;
  double quantity;
  std::int64_t cents;
};
void repair(store::OrgTx& tx, const DemoPlant& p, Job j, std::int64_t minutes,
            std::initializer_list<Part> parts) {
  const auto wo = add_work_order(tx, p, j);
  const auto done = std::get<std::int64_t>(j.completed);
  tx.run(kTime, wo, p.tech, minutes, done);
  for (const auto& part : parts)
    tx.run(kPart, wo, std::string(part.name), part.quantity, part.cents, p.tech, done);
}

}  // namespace

void seed_demo_pm_history(store::OrgTx& tx, const DemoPlant& p, std::int64_t now) {
  // Twelve weekly inspections: two late, one missed; six monthly
  // lubrications: one late.
  past_occurrences(tx, p, p.weekly_schedule, p.conveyor, "Conveyor 3 weekly inspection",
                   p.weekly_next_due, 7 * kDay, 12, {9, 4}, 6);
  past_occurrences(tx, p, p.monthly_schedule, p.filler, "Filler 1 lubrication and seal check",
                   p.monthly_next_due, 30 * kDay, 6, {3}, 0);
  // Repairs, each of which the status history or the floor would remember.
  const auto fixed = [&](const char* title, const char* type, std::int64_t asset,
                         std::int64_t called, std::int64_t took) {
    return Job{title, type, "closed", asset, Value(nullptr), called, Value(called + took), 2};
  };
  repair(tx, p,
         fixed("Conveyor 3 belt tracking", "corrective", p.conveyor, now - 6 * kDay, 2 * kHour),
         105, {{"Belt tracking guide", 2, 3850}});
  repair(tx, p, fixed("Filler 1 seal leak", "emergency", p.filler, now - 41 * kDay, 5 * kHour), 270,
         {{"Filler valve seal kit", 1, 18900}, {"Food-grade grease", 2, 1495}});
  repair(tx, p,
         fixed("Air compressor pressure drop", "corrective", p.compressor, now - 20 * kDay,
               3 * kHour + 30 * 60'000),
         180, {{"Intake valve", 1, 42500}, {"Air filter element", 1, 6800}});
  repair(
      tx, p,
      fixed("Conveyor 3 motor overheating", "corrective", p.conveyor, now - 75 * kDay, 90 * 60'000),
      60, {});
}

}  // namespace bulwark::cli
