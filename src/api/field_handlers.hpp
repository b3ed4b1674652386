#pragma once
// What the field needs beside a work order: a site's access notes revealed
// to the assigned technician (domain/customers/site_access.cpp), and an
// asset's work history with its costs (domain/work_orders/asset_history.cpp).
#include "api/endpoint.hpp"
#include "domain/customers/model.hpp"
#include "domain/work_orders/field_model.hpp"

namespace bulwark::api {

using domain::customers::SiteAccessView;
using domain::work_orders::AssetWorkHistory;

Result<SiteAccessView> reveal_site_access(Ctx& ctx, PathId site);
Result<AssetWorkHistory> asset_work_orders(Ctx& ctx, PathId asset);

}  // namespace bulwark::api
