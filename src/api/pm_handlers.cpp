#include "api/pm_handlers.hpp"

#include "api/session_route.hpp"
#include "domain/pm/service.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

namespace pm = domain::pm;
using store::OrgTx;

Result<Items<PmSchedule>> list_pm_schedules(Ctx& ctx) {
  return read_org(ctx, [](OrgTx& tx) { return pm::list(tx); });
}

Result<Created<PmSchedule>> create_pm_schedule(Ctx& ctx, Body<NewPmSchedule> in) {
  return created(
      in_org(ctx, [&](OrgTx& tx) { return pm::create(tx, ctx.actor(), in, ctx.now_ms()); }));
}

Result<PmSchedule> update_pm_schedule(Ctx& ctx, PathId id, LateBody<PmScheduleChange> in) {
  return in_org(ctx, [&](OrgTx& tx) { return pm::change(tx, ctx.actor(), id, in.checked()); });
}

Result<Items<pm::ChecklistPlanView>> list_pm_checklists(Ctx& ctx) {
  return read_org(ctx, [](OrgTx& tx) { return pm::checklist_plans(tx); });
}

Result<Created<pm::ChecklistPlanView>> create_pm_checklist(Ctx& ctx,
                                                           Body<pm::NewChecklistPlan> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return pm::create_checklist_plan(tx, ctx.actor(), in, ctx.now_ms());
  }));
}

Result<pm::ChecklistPlanView> add_pm_checklist_item(
    Ctx& ctx, PathId id, LateBody<domain::work_orders::NewChecklistItem> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return pm::add_checklist_plan_item(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<pm::ChecklistPlanView> rename_pm_checklist(Ctx& ctx, PathId id,
                                                  LateBody<pm::NewChecklistPlan> in) {
  return in_org(
      ctx, [&](OrgTx& tx) { return pm::rename_checklist_plan(tx, ctx.actor(), id, in.checked()); });
}

Result<pm::ChecklistPlanView> remove_pm_checklist_item(Ctx& ctx, PathId id, PathInt<"item"> item) {
  return in_org(
      ctx, [&](OrgTx& tx) { return pm::remove_checklist_plan_item(tx, ctx.actor(), id, item); });
}

Result<NoContent> delete_pm_checklist(Ctx& ctx, PathId id) {
  return no_content(
      in_org(ctx, [&](OrgTx& tx) { return pm::delete_checklist_plan(tx, ctx.actor(), id); }));
}

void add_pm_checklist_routes(http::Router& r) {
  using http::Method;
  // Whoever plans PM (work_orders.assign, as the schedules) keeps its checklists.
  const auto plan = security::Permission::work_orders_assign;
  add_session_route(r, Method::get, "/api/v1/pm-checklists", plan, "work_orders:read",
                    endpoint<list_pm_checklists>(),
                    "Named checklist templates for PM schedules, with their items");
  add_session_route(r, Method::post, "/api/v1/pm-checklists", plan, "work_orders:write",
                    endpoint<create_pm_checklist>(), "Create a named checklist template");
  add_session_route(r, Method::post, "/api/v1/pm-checklists/{id:int}/items", plan,
                    "work_orders:write", endpoint<add_pm_checklist_item>(),
                    "Add an item to a named checklist template");
  add_session_route(r, Method::patch, "/api/v1/pm-checklists/{id:int}", plan, "work_orders:write",
                    endpoint<rename_pm_checklist>(), "Rename a named checklist template");
  add_session_route(r, Method::del, "/api/v1/pm-checklists/{id:int}/items/{item:int}", plan,
                    "work_orders:write", endpoint<remove_pm_checklist_item>(),
                    "Remove an item from a named checklist template");
  add_session_route(r, Method::del, "/api/v1/pm-checklists/{id:int}", plan, "work_orders:write",
                    endpoint<delete_pm_checklist>(),
                    "Delete a named checklist template (409 checklist_in_use while a PM "
                    "schedule uses it)");
}

}  // namespace bulwark::api
