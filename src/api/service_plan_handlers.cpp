#include "api/service_plan_handlers.hpp"

#include "api/query_params.hpp"
#include "api/session_route.hpp"
#include "api/unsubscribe_handlers.hpp"
#include "api/work_order_handlers.hpp"
#include "domain/service_plans/service.hpp"
#include "domain/service_plans/visits.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

// due_within_days= (0-3650: due by then, overdue included, active only),
// site_id=, customer_id=.
Result<Items<plans::ServicePlanView>> list_service_plans(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"due_within_days", "site_id", "customer_id"});
  plans::PlanQuery query;
  query.due_within_days = q.integer("due_within_days", 0, 3650);
  query.site_id = q.integer("site_id", 1, INT64_MAX);
  query.customer_id = q.integer("customer_id", 1, INT64_MAX);
  return read_org(ctx, [&](OrgTx& tx) { return plans::list(tx, query, ctx.now_ms()); });
}

Result<plans::ServicePlanView> get_service_plan(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return plans::get(tx, id, ctx.now_ms()); });
}

Result<Created<plans::ServicePlanView>> create_service_plan(Ctx& ctx,
                                                            LateBody<plans::NewServicePlan> in) {
  return created(in_org(
      ctx, [&](OrgTx& tx) { return plans::create(tx, ctx.actor(), in.checked(), ctx.now_ms()); }));
}

Result<plans::ServicePlanView> update_service_plan(Ctx& ctx, PathId id,
                                                   LateBody<plans::ServicePlanChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return plans::change(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<plans::ServicePlanView> service_plan_serviced(Ctx& ctx, PathId id,
                                                     LateBody<plans::ServicedOn> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return plans::serviced(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<Created<domain::work_orders::WorkOrderView>> schedule_service_plan_visit(Ctx& ctx,
                                                                                PathId id) {
  return created(in_org(
      ctx, [&](OrgTx& tx) { return plans::schedule_visit(tx, wo_caller(ctx), id, ctx.now_ms()); }));
}

Result<plans::MarketingConsent> get_marketing_consent(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return plans::marketing_consent(tx, id); });
}

Result<plans::MarketingConsent> record_marketing_consent(
    Ctx& ctx, PathId id, LateBody<plans::MarketingConsentChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return plans::record_marketing_consent(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

void add_service_plan_routes(http::Router& r) {
  using http::Method;
  const auto office = security::Permission::work_orders_assign;
  add_session_route(r, Method::get, "/api/v1/service-plans", office, "service_plans:read",
                    endpoint<list_service_plans>(),
                    "Service plans, soonest due first (due_within_days= for the due-soon list)");
  add_session_route(r, Method::post, "/api/v1/service-plans", office, "service_plans:write",
                    endpoint<create_service_plan>(),
                    "A site's recurring service: every N months from its next due date");
  add_session_route(r, Method::get, "/api/v1/service-plans/{id:int}", office, "service_plans:read",
                    endpoint<get_service_plan>(), "One service plan");
  add_session_route(r, Method::patch, "/api/v1/service-plans/{id:int}", office,
                    "service_plans:write", endpoint<update_service_plan>(),
                    "Change a plan (title, interval, due date, reminder lead, paused)");
  add_session_route(r, Method::post, "/api/v1/service-plans/{id:int}/serviced", office,
                    "service_plans:write", endpoint<service_plan_serviced>(),
                    "Record the visit: the plan is next due interval_months after it");
  add_session_route(r, Method::post, "/api/v1/service-plans/{id:int}/visits", office,
                    "work_orders:write", endpoint<schedule_service_plan_visit>(),
                    "Schedule a visit: a work order for the plan's site, linked to the plan; "
                    "completing it records the visit");
  add_session_route(r, Method::get, "/api/v1/customers/{id:int}/marketing-consent", office,
                    "customers:read", endpoint<get_marketing_consent>(),
                    "The customer's marketing consent (texts, email) and its history");
  add_session_route(r, Method::post, "/api/v1/customers/{id:int}/marketing-consent", office,
                    "customers:write", endpoint<record_marketing_consent>(),
                    "Record a marketing consent decision with how it was given (audited)");
  add_unsubscribe_routes(r);  // the reminder email's one-click unsubscribe (public)
}

}  // namespace bulwark::api
