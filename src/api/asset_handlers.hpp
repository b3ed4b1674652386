#pragma once
// Assets at a site (a 1,000-gallon tank, a pump) and their meter readings.
// The rules live in domain/assets/service.cpp.
#include "api/endpoint.hpp"
#include "domain/assets/model.hpp"

namespace bulwark::api {

namespace assets = domain::assets;

Result<Items<assets::AssetView>> list_site_assets(Ctx& ctx, PathId site);
Result<assets::AssetPage> list_assets(Ctx& ctx);
Result<Created<assets::AssetView>> create_asset(Ctx& ctx, PathId site,
                                                LateBody<assets::NewAsset> in);
Result<assets::AssetView> get_asset(Ctx& ctx, PathId id);
Result<Created<assets::RecordedReading>> add_reading(Ctx& ctx, PathId asset,
                                                     LateBody<assets::NewReading> in);
Result<Items<assets::ReadingView>> list_readings(Ctx& ctx, PathId asset);

}  // namespace bulwark::api
