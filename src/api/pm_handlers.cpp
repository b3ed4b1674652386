#include "api/pm_handlers.hpp"

#include "domain/pm/service.hpp"

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

}  // namespace bulwark::api
