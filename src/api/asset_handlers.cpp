#include "api/asset_handlers.hpp"

#include <algorithm>

#include "api/query_params.hpp"
#include "domain/assets/service.hpp"
#include "domain/customers/blind.hpp"

namespace bulwark::api {

namespace assets = domain::assets;
using store::OrgTx;

Result<Items<assets::AssetView>> list_site_assets(Ctx& ctx, PathId site) {
  return read_org(ctx, [&](OrgTx& tx) { return assets::at_site(tx, site); });
}

Result<assets::AssetPage> list_assets(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"q", "type", "customer_id", "status", "parent_id", "site_id", "cursor", "limit"});
  assets::AssetQuery query;
  if (const auto search = q.text("q", 100)) {
    query.like = like_pattern(*search);
    query.customer_words = domain::customers::name_words(*search);
  }
  query.type = q.text("type", 100);
  query.customer_id = q.integer("customer_id", 1, INT64_MAX);
  query.status = q.text("status", 20);
  if (query.status &&
      std::ranges::find(assets::kAssetStatuses, *query.status) == assets::kAssetStatuses.end())
    return unexpected(ApiError(ErrorCode::validation_failed, "bad status", "invalid_parameter",
                               {{"status", "must be running, down or retired"}}));
  query.parent_id = q.integer("parent_id", 1, INT64_MAX);
  query.site_id = q.integer("site_id", 1, INT64_MAX);
  query.after_id = q.integer("cursor", 1, INT64_MAX);
  query.limit = q.integer("limit", 1, 200).value_or(50);
  return read_org(ctx, [&](OrgTx& tx) { return assets::list(tx, query); });
}

Result<Created<assets::AssetView>> create_asset(Ctx& ctx, PathId site,
                                                LateBody<assets::NewAsset> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return assets::create(tx, ctx.actor(), site, in.checked(), ctx.now_ms());
  }));
}

Result<assets::AssetView> get_asset(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return assets::get(tx, id); });
}

Result<Created<assets::RecordedReading>> add_reading(Ctx& ctx, PathId asset,
                                                     LateBody<assets::NewReading> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return assets::add_reading(tx, ctx.actor(), asset, in.checked(), ctx.now_ms());
  }));
}

Result<Items<assets::ReadingView>> list_readings(Ctx& ctx, PathId asset) {
  QueryParams q(ctx.request.query);
  q.allow_only({"kind", "limit"});
  const auto kind = q.text("kind", 20);
  const auto limit = q.integer("limit", 1, 1000).value_or(100);
  return read_org(ctx, [&](OrgTx& tx) { return assets::readings(tx, asset, kind, limit); });
}

}  // namespace bulwark::api
