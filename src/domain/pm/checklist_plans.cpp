#include "domain/pm/checklist_plans.hpp"

#include <boost/describe/class.hpp>

#include "resource/columns.hpp"

namespace bulwark::domain::pm {

namespace {

using store::OrgSql;
using work_orders::TemplateItemView;

struct PlanRow {
  std::int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(PlanRow, (), (id, name))
struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

constexpr OrgSql kPlans(
    "SELECT id, name FROM checklist_templates WHERE org_id = $1 ORDER BY name, id LIMIT 500");
constexpr OrgSql kPlan("SELECT id, name FROM checklist_templates WHERE org_id = $1 AND id = $2");
constexpr OrgSql kItems(
    "SELECT id, work_type, label, kind, unit, required FROM checklist_template_items "
    "WHERE org_id = $1 AND template_id = $2 ORDER BY id");
constexpr OrgSql kInsertPlan(
    "INSERT INTO checklist_templates (org_id, name, created_at) VALUES ($1, $2, $3) "
    "RETURNING id");
// work_type 'preventive': the column is NOT NULL, and a named template is
// copied by id only (never by work type: repo_checklist.cpp's kTemplateOf).
constexpr OrgSql kInsertItem(
    "INSERT INTO checklist_template_items (org_id, work_type, label, kind, unit, required, "
    "created_at, template_id) VALUES ($1, 'preventive', $2, $3, $4, $5, $6, $7) RETURNING id");

constexpr OrgSql kRename("UPDATE checklist_templates SET name = $2 WHERE org_id = $1 AND id = $3");
constexpr OrgSql kItemOf(
    "SELECT id FROM checklist_template_items WHERE org_id = $1 AND template_id = $2 AND id = $3");
constexpr OrgSql kDeleteItem(
    "DELETE FROM checklist_template_items WHERE org_id = $1 AND template_id = $2 AND id = $3");
constexpr OrgSql kDeleteItems(
    "DELETE FROM checklist_template_items WHERE org_id = $1 AND template_id = $2");
constexpr OrgSql kDeletePlan("DELETE FROM checklist_templates WHERE org_id = $1 AND id = $2");
struct Count {
  std::int64_t n = 0;
};
BOOST_DESCRIBE_STRUCT(Count, (), (n))
constexpr OrgSql kUsers(
    "SELECT COUNT(*) AS n FROM pm_schedules WHERE org_id = $1 AND checklist_template_id = $2");

ApiError no_such_plan() { return ApiError(ErrorCode::not_found, "no such checklist template"); }

ChecklistPlanView view_of(store::OrgTx& tx, const PlanRow& row) {
  return {row.id, row.name, tx.all<TemplateItemView>(kItems, row.id)};
}

}  // namespace

Expected<resource::Items<ChecklistPlanView>, ApiError> checklist_plans(store::OrgTx& tx) {
  resource::Items<ChecklistPlanView> out;
  for (const auto& row : tx.all<PlanRow>(kPlans)) out.items.push_back(view_of(tx, row));
  return out;
}

Expected<ChecklistPlanView, ApiError> create_checklist_plan(
    store::OrgTx& tx, const audit::Actor& by, const resource::Read<NewChecklistPlan>& in,
    std::int64_t now) {
  const auto id = tx.one<Returned>(kInsertPlan, in.value.name, now).value().id;
  by.record(tx.connection(), "checklist_template.created", "checklist_template", id, {"name"});
  return view_of(tx, tx.one<PlanRow>(kPlan, id).value());
}

Expected<ChecklistPlanView, ApiError> add_checklist_plan_item(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t plan,
    const Expected<const resource::Read<work_orders::NewChecklistItem>*, ApiError>& in,
    std::int64_t now) {
  const auto row = tx.one<PlanRow>(kPlan, plan);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such checklist template"));
  if (!in) return unexpected(in.error());
  const auto& item = (*in)->value;
  const auto kind = item.kind ? item.kind->value : std::string("checkbox");
  const auto unit = item.unit ? item.unit->value : std::string();
  if (!unit.empty() && kind != "number")
    return unexpected(ApiError(ErrorCode::validation_failed, "some fields are invalid",
                               "invalid_fields", {{"unit", "only a number item has a unit"}}));
  tx.one<Returned>(kInsertItem, item.label, kind, unit, item.required.value_or(false), now, plan);
  by.record(tx.connection(), "checklist_template.item_added", "checklist_template", plan,
            (*in)->present);
  return view_of(tx, *row);
}

Expected<ChecklistPlanView, ApiError> rename_checklist_plan(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t plan,
    const Expected<const resource::Read<NewChecklistPlan>*, ApiError>& in) {
  if (!tx.one<PlanRow>(kPlan, plan)) return unexpected(no_such_plan());
  if (!in) return unexpected(in.error());
  tx.run(kRename, (*in)->value.name, plan);
  by.record(tx.connection(), "checklist_template.renamed", "checklist_template", plan, {"name"});
  return view_of(tx, tx.one<PlanRow>(kPlan, plan).value());
}

Expected<ChecklistPlanView, ApiError> remove_checklist_plan_item(store::OrgTx& tx,
                                                                 const audit::Actor& by,
                                                                 std::int64_t plan,
                                                                 std::int64_t item) {
  const auto row = tx.one<PlanRow>(kPlan, plan);
  if (!row) return unexpected(no_such_plan());
  if (!tx.one<Returned>(kItemOf, plan, item))
    return unexpected(ApiError(ErrorCode::not_found, "no such item in this checklist template"));
  tx.run(kDeleteItem, plan, item);
  by.record(tx.connection(), "checklist_template.item_removed", "checklist_template", plan);
  return view_of(tx, *row);
}

Expected<void, ApiError> delete_checklist_plan(store::OrgTx& tx, const audit::Actor& by,
                                               std::int64_t plan) {
  if (!tx.one<PlanRow>(kPlan, plan)) return unexpected(no_such_plan());
  const auto users = tx.one<Count>(kUsers, plan).value().n;
  if (users > 0)
    return unexpected(ApiError(ErrorCode::conflict,
                               "this checklist is used by " + std::to_string(users) +
                                   (users == 1 ? " PM schedule" : " PM schedules") +
                                   ": choose another checklist on " + (users == 1 ? "it" : "them") +
                                   " first",
                               "checklist_in_use"));
  tx.run(kDeleteItems, plan);
  tx.run(kDeletePlan, plan);
  by.record(tx.connection(), "checklist_template.deleted", "checklist_template", plan);
  return {};
}

}  // namespace bulwark::domain::pm
