#pragma once
// Service plans (issue 14 item 8): the office (owner, admin, dispatcher)
// keeps a site's recurring service and records the customer's marketing
// consent the reminders need. The rules live in domain/service_plans/.
#include "api/endpoint.hpp"
#include "domain/service_plans/model.hpp"
#include "domain/work_orders/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace plans = domain::service_plans;

Result<Items<plans::ServicePlanView>> list_service_plans(Ctx& ctx);
Result<plans::ServicePlanView> get_service_plan(Ctx& ctx, PathId id);
Result<Created<plans::ServicePlanView>> create_service_plan(Ctx& ctx,
                                                            LateBody<plans::NewServicePlan> in);
Result<plans::ServicePlanView> update_service_plan(Ctx& ctx, PathId id,
                                                   LateBody<plans::ServicePlanChange> in);
Result<plans::ServicePlanView> service_plan_serviced(Ctx& ctx, PathId id,
                                                     LateBody<plans::ServicedOn> in);
Result<Created<domain::work_orders::WorkOrderView>> schedule_service_plan_visit(Ctx& ctx,
                                                                                PathId id);
Result<plans::MarketingConsent> get_marketing_consent(Ctx& ctx, PathId id);
Result<plans::MarketingConsent> record_marketing_consent(
    Ctx& ctx, PathId id, LateBody<plans::MarketingConsentChange> in);

// Their route rows; added by api::build_router().
void add_service_plan_routes(http::Router& r);

}  // namespace bulwark::api
