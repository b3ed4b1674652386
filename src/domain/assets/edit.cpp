// PATCH /api/v1/assets/{id}: rename, move under another parent, change the
// status. A status change is also a row of asset_status_changes (in the same
// transaction), from which downtime is computed.
#include "core/try.hpp"
#include "domain/assets/repo_status.hpp"
#include "domain/assets/status_service.hpp"

namespace bulwark::domain::assets {

namespace {

// Deeper than any plant; a chain this long can only be a corrupted one.
constexpr int kMaxDepth = 64;

ApiError bad_parent(std::string problem) {
  return ApiError(ErrorCode::validation_failed, "the parent cannot hold this asset", "bad_parent",
                  {{"parent_id", std::move(problem)}});
}

ApiError technician_refused() {
  return ApiError(ErrorCode::forbidden,
                  "technicians may mark an asset down or running, nothing else",
                  "technician_status_only");
}

}  // namespace

Expected<void, ApiError> check_parent(store::OrgTx& tx, std::int64_t site,
                                      std::optional<std::int64_t> self, std::int64_t parent) {
  auto at = repo::place(tx, parent);
  if (!at) return unexpected(bad_parent("no such asset"));
  if (at->site_id != site) return unexpected(bad_parent("is at another site"));
  // Walk up from the new parent: meeting the asset itself is a cycle.
  for (int depth = 0; at; ++depth) {
    if (self && at->id == *self) return unexpected(bad_parent("is under this asset (a cycle)"));
    if (!at->parent_id || depth >= kMaxDepth) break;
    at = repo::place(tx, *at->parent_id);
  }
  return {};
}

Outcome<AssetView> update(store::OrgTx& tx, const Editor& by, std::int64_t asset,
                          const Checked<AssetChange>& in, std::int64_t now) {
  const auto current = repo::place(tx, asset);
  if (!current) return unexpected(ApiError(ErrorCode::not_found, "no such asset"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  const auto status = c.status ? std::optional(c.status->value) : std::nullopt;
  if (by.technician) {
    if (c.name || !c.parent_id.absent()) return unexpected(technician_refused());
    if (status == "retired" || (status && current->status == "retired"))
      return unexpected(technician_refused());
  }
  const auto parent = c.parent_id.is_set() ? std::optional(c.parent_id.value().id) : std::nullopt;
  if (parent) BULWARK_TRY_VOID(check_parent(tx, current->site_id, asset, *parent));
  const auto name = c.name ? std::optional(c.name->value) : std::nullopt;
  BULWARK_TRY_VOID(
      repo::update(tx, asset, c.version.value, name, c.parent_id.cleared(), parent, status, now));
  std::vector<std::string> fields;
  if (name) fields.emplace_back("name");
  if (!c.parent_id.absent()) fields.emplace_back("parent_id");
  if (status && *status != current->status) {
    fields.emplace_back("status");
    repo::insert_change(tx, asset, current->status, *status, c.reason ? c.reason->value : "",
                        by.actor.user_id, now);
  }
  by.actor.record(tx.connection(), "asset.updated", "asset", asset, std::move(fields));
  return get(tx, asset);
}

Outcome<resource::Items<StatusChangeView>> status_changes(store::OrgTx& tx, std::int64_t asset,
                                                          std::int64_t limit) {
  BULWARK_TRY_VOID(get(tx, asset));
  return resource::Items<StatusChangeView>{repo::changes(tx, asset, limit)};
}

}  // namespace bulwark::domain::assets
