#pragma once
// The SQL of an asset's place, status history, downtime and cost, beside its
// only callers (edit.cpp, report.cpp).
#include <optional>
#include <string>
#include <vector>

#include "domain/assets/status_model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::assets::repo {

std::optional<AssetPlace> place(store::OrgTx& tx, std::int64_t asset);
// The version check of every PATCH: a version_conflict when it changed.
Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t asset, std::int64_t version,
                                const std::optional<std::string>& name, bool clear_parent,
                                std::optional<std::int64_t> parent,
                                const std::optional<std::string>& status, std::int64_t now);
void insert_change(store::OrgTx& tx, std::int64_t asset, const std::string& from,
                   const std::string& to, const std::string& reason, std::optional<std::int64_t> by,
                   std::int64_t at);
// Newest first.
std::vector<StatusChangeView> changes(store::OrgTx& tx, std::int64_t asset, std::int64_t limit);
// The last change at or before `at`, and those in (from, to) oldest first.
std::optional<StatusPoint> change_at_or_before(store::OrgTx& tx, std::int64_t asset,
                                               std::int64_t at);
std::vector<StatusPoint> changes_between(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                         std::int64_t to);
// The asset's work orders and their parts completed (else created) in [from, to).
std::vector<CostWorkRow> cost_work(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                   std::int64_t to);
std::vector<CostPartRow> cost_parts(store::OrgTx& tx, std::int64_t asset, std::int64_t from,
                                    std::int64_t to);
// Every asset's, for the cost-per-asset report.
std::vector<CostWorkRow> cost_work_all(store::OrgTx& tx, std::int64_t from, std::int64_t to);
std::vector<CostPartRow> cost_parts_all(store::OrgTx& tx, std::int64_t from, std::int64_t to);
std::int64_t labour_rate_cents(store::OrgTx& tx);

}  // namespace bulwark::domain::assets::repo
