#pragma once
// An asset's edit (name, parent, status), status history, downtime and cost
// per month (issue 14 item 7). The rules live in domain/assets/.
#include "api/endpoint.hpp"
#include "domain/assets/status_model.hpp"

namespace bulwark::api {

Result<domain::assets::AssetView> update_asset(Ctx& ctx, PathId asset,
                                               LateBody<domain::assets::AssetChange> in);
Result<Items<domain::assets::StatusChangeView>> asset_status_changes(Ctx& ctx, PathId asset);
Result<domain::assets::DowntimeView> asset_downtime(Ctx& ctx, PathId asset);
Result<domain::assets::AssetCost> asset_cost(Ctx& ctx, PathId asset);

}  // namespace bulwark::api
