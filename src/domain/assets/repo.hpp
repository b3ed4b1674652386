#pragma once
// The assets' and meter readings' SQL, beside its only callers (service.cpp).
#include <optional>
#include <string>
#include <vector>

#include "domain/assets/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::assets::repo {

bool site_exists(store::OrgTx& tx, std::int64_t site);
std::optional<AssetView> find(store::OrgTx& tx, std::int64_t id);
std::vector<AssetView> at_site(store::OrgTx& tx, std::int64_t site);
// Up to q.limit + 1 rows (the extra one says there is a next page).
std::vector<AssetSummary> list(store::OrgTx& tx, const AssetQuery& q);
std::int64_t insert(store::OrgTx& tx, std::int64_t site, const NewAsset& a, std::int64_t now);

// Finds the asset and holds its row until commit: false when there is none.
bool lock(store::OrgTx& tx, std::int64_t asset);
ReadingBounds bounds(store::OrgTx& tx, std::int64_t asset, const std::string& kind,
                     std::int64_t read_at);
std::int64_t insert_reading(store::OrgTx& tx, std::int64_t asset, const std::string& kind,
                            double value, std::int64_t read_at, std::int64_t recorded_by);
std::vector<ReadingView> readings(store::OrgTx& tx, std::int64_t asset,
                                  const std::optional<std::string>& kind, std::int64_t limit);

}  // namespace bulwark::domain::assets::repo
