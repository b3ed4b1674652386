#include "api/org_handlers.hpp"

#include "domain/org/service.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<OrgSettings> get_org(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return domain::org::settings(tx); });
}

Result<OrgSettings> update_org(Ctx& ctx, Body<OrgChange> in) {
  return in_org(ctx, [&](OrgTx& tx) { return domain::org::change(tx, ctx.actor(), in.value); });
}

}  // namespace bulwark::api
