#pragma once
// Assets at a site (a 1,000-gallon tank, a pump) and their meter readings.
// The rules live in domain/assets/service.cpp.
#include "api/endpoint.hpp"
#include "domain/assets/model.hpp"

namespace bulwark::api {

using domain::assets::AssetPage;
using domain::assets::AssetView;
using domain::assets::NewAsset;
using domain::assets::NewReading;
using domain::assets::ReadingView;
using domain::assets::RecordedReading;

Result<Items<AssetView>> list_site_assets(Ctx& ctx, PathId site);
Result<AssetPage> list_assets(Ctx& ctx);
Result<Created<AssetView>> create_asset(Ctx& ctx, PathId site, LateBody<NewAsset> in);
Result<AssetView> get_asset(Ctx& ctx, PathId id);
Result<Created<RecordedReading>> add_reading(Ctx& ctx, PathId asset, LateBody<NewReading> in);
Result<Items<ReadingView>> list_readings(Ctx& ctx, PathId asset);

}  // namespace bulwark::api
