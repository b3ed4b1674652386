#include "domain/service_plans/visits.hpp"

#include <boost/describe/class.hpp>

#include "core/iso_date.hpp"
#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/org/service.hpp"
#include "domain/service_plans/service.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::service_plans {

namespace {

using store::OrgSql;
namespace chr = std::chrono;
namespace wo = work_orders;

constexpr OrgSql kOpenVisit(
    "SELECT id FROM work_orders WHERE org_id = $1 AND service_plan_id = $2 AND "
    "status NOT IN ('completed', 'closed', 'cancelled') LIMIT 1");
constexpr OrgSql kLink("UPDATE work_orders SET service_plan_id = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kVisitOf(
    "SELECT w.service_plan_id, p.interval_months, p.remind_days_before FROM work_orders w "
    "JOIN service_plans p ON p.org_id = $1 AND p.id = w.service_plan_id "
    "WHERE w.org_id = $1 AND w.id = $2 AND w.service_plan_visit_on IS NULL");
// Compare-and-set: the visit is recorded once per work order.
constexpr OrgSql kClaim(
    "UPDATE work_orders SET service_plan_visit_on = $3 WHERE org_id = $1 AND id = $2 AND "
    "service_plan_visit_on IS NULL");
constexpr OrgSql kAdvance(
    "UPDATE service_plans SET next_due_on = $3, remind_on = $4, updated_at = $5, "
    "version = version + 1 WHERE org_id = $1 AND id = $2");

struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))
struct VisitRow {
  std::int64_t service_plan_id = 0, interval_months = 0, remind_days_before = 0;
};
BOOST_DESCRIBE_STRUCT(VisitRow, (), (service_plan_id, interval_months, remind_days_before))

}  // namespace

Expected<wo::WorkOrderView, ApiError> schedule_visit(store::OrgTx& tx, const wo::Caller& by,
                                                     std::int64_t plan_id, std::int64_t now) {
  BULWARK_TRY(const auto plan, get(tx, plan_id, now));
  if (!plan.active)
    return unexpected(
        ApiError(ErrorCode::conflict, "the plan is paused; resume it first", "plan_paused"));
  if (auto open = tx.one<IdRow>(kOpenVisit, plan_id))
    return unexpected(ApiError(
        ErrorCode::conflict, "a visit of this plan is already open: complete or cancel it first",
        "visit_already_open", {{"work_order_id", std::to_string(open->id)}}));
  wo::NewWorkOrder w;
  w.title.value = plan.title;
  w.description.emplace();
  w.description->value = "Service plan visit: every " + std::to_string(plan.interval_months) +
                         " months, due " + plan.next_due_on + ".";
  w.type.emplace();
  w.type->value = "preventive";
  w.site_id.emplace(resource::Ref<wo::SiteRef>{plan.site_id});
  std::vector<std::string> present{"title", "description", "type", "site_id"};
  if (plan.customer_id) {
    w.customer_id.emplace(resource::Ref<wo::CustomerRef>{*plan.customer_id});
    present.emplace_back("customer_id");
  }
  const resource::Read<wo::NewWorkOrder> read{w, present};
  BULWARK_TRY(const auto made, wo::create(tx, by, {read, {}}, now));
  tx.run(kLink, made.id, plan_id);
  by.actor.record(tx.connection(), "service_plan.visit_scheduled", "service_plan", plan_id,
                  {"work_order_id"});
  return wo::get(tx, by, made.id);
}

void record_plan_visit(store::OrgTx& tx, const audit::Actor& by, std::int64_t work_order_id,
                       std::int64_t now) {
  const auto visit = tx.one<VisitRow>(kVisitOf, work_order_id);
  if (!visit) return;  // no plan, or its visit is already recorded
  const auto on = core::local_date(org::time_zone(tx), now);
  if (tx.run(kClaim, work_order_id, core::iso_date(on)).affected == 0) return;
  const auto next = core::add_months(on, static_cast<int>(visit->interval_months));
  const auto remind =
      chr::year_month_day{chr::sys_days{next} - chr::days{visit->remind_days_before}};
  tx.run(kAdvance, visit->service_plan_id, core::iso_date(next), core::iso_date(remind), now);
  by.record(tx.connection(), "service_plan.serviced", "service_plan", visit->service_plan_id,
            {"next_due_on", "work_order_id"});
}

}  // namespace bulwark::domain::service_plans
