#include "api/working_hours_handlers.hpp"

#include "domain/org/working_hours.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<WorkingHours> get_working_hours(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) {
    return Expected<WorkingHours, ApiError>(domain::org::working_hours(tx));
  });
}

Result<WorkingHours> update_working_hours(Ctx& ctx, Body<WorkingHoursChange> in) {
  return in_org(
      ctx, [&](OrgTx& tx) { return domain::org::change_working_hours(tx, ctx.actor(), in.value); });
}

}  // namespace bulwark::api
