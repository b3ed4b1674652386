#include "api/field_handlers.hpp"

#include "api/work_order_handlers.hpp"
#include "domain/customers/site_access.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<SiteAccessView> reveal_site_access(Ctx& ctx, PathId site) {
  const domain::customers::Revealer by{ctx.actor(), ctx.who().user_id, ctx.who().role};
  return in_org(
      ctx, [&](OrgTx& tx) { return domain::customers::reveal_access(tx, by, site, ctx.now_ms()); });
}

Result<AssetWorkHistory> asset_work_orders(Ctx& ctx, PathId asset) {
  return read_org(ctx, [&](OrgTx& tx) {
    return domain::work_orders::asset_history(tx, wo_caller(ctx), asset);
  });
}

}  // namespace bulwark::api
