#include "api/asset_status_handlers.hpp"

#include "api/local_date_param.hpp"
#include "domain/assets/status_service.hpp"

namespace bulwark::api {

namespace assets = domain::assets;
using store::OrgTx;

Result<assets::AssetView> update_asset(Ctx& ctx, PathId asset, LateBody<assets::AssetChange> in) {
  const assets::Editor by{ctx.actor(), ctx.who().role == security::Role::technician};
  return in_org(
      ctx, [&](OrgTx& tx) { return assets::update(tx, by, asset, in.checked(), ctx.now_ms()); });
}

Result<Items<assets::StatusChangeView>> asset_status_changes(Ctx& ctx, PathId asset) {
  QueryParams q(ctx.request.query);
  q.allow_only({"limit"});
  const auto limit = q.integer("limit", 1, 500).value_or(100);
  return read_org(ctx, [&](OrgTx& tx) { return assets::status_changes(tx, asset, limit); });
}

Result<assets::DowntimeView> asset_downtime(Ctx& ctx, PathId asset) {
  QueryParams q(ctx.request.query);
  q.allow_only({"from", "to"});
  BULWARK_TRY(const auto from, local_date_param(q, "from"));
  BULWARK_TRY(const auto to, local_date_param(q, "to"));
  return read_org(ctx,
                  [&](OrgTx& tx) { return assets::downtime(tx, asset, from, to, ctx.now_ms()); });
}

Result<assets::AssetCost> asset_cost(Ctx& ctx, PathId asset) {
  QueryParams q(ctx.request.query);
  q.allow_only({"months"});
  const auto months = static_cast<int>(q.integer("months", 1, 36).value_or(12));
  return read_org(ctx, [&](OrgTx& tx) { return assets::cost(tx, asset, months, ctx.now_ms()); });
}

}  // namespace bulwark::api
