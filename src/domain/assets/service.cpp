#include "domain/assets/service.hpp"

#include "core/try.hpp"
#include "domain/assets/repo.hpp"
#include "domain/assets/status_service.hpp"

namespace bulwark::domain::assets {

namespace {

ApiError no_such_asset() { return ApiError(ErrorCode::not_found, "no such asset"); }
ApiError no_such_site() { return ApiError(ErrorCode::not_found, "no such site"); }

ApiError reading_error(const std::string& message, std::string reason, std::string field,
                       std::string problem) {
  return ApiError(ErrorCode::validation_failed, message, std::move(reason),
                  {{std::move(field), std::move(problem)}});
}

}  // namespace

Outcome<AssetView> get(store::OrgTx& tx, std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_asset());
  return *row;
}

Outcome<resource::Items<AssetView>> at_site(store::OrgTx& tx, std::int64_t site) {
  if (!repo::site_exists(tx, site)) return unexpected(no_such_site());
  return resource::Items<AssetView>{repo::at_site(tx, site)};
}

Outcome<AssetPage> list(store::OrgTx& tx, const AssetQuery& q) {
  AssetPage page{repo::list(tx, q), std::nullopt};
  if (page.items.size() > static_cast<std::size_t>(q.limit)) {
    page.items.resize(static_cast<std::size_t>(q.limit));
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Outcome<AssetView> create(store::OrgTx& tx, const audit::Actor& by, std::int64_t site,
                          const Checked<NewAsset>& in, std::int64_t now) {
  if (!repo::site_exists(tx, site)) return unexpected(no_such_site());
  if (!in) return unexpected(in.error());
  if (const auto& parent = (*in)->value.parent_id)
    BULWARK_TRY_VOID(check_parent(tx, site, std::nullopt, parent->id));
  const auto id = repo::insert(tx, site, (*in)->value, now);
  by.record(tx.connection(), "asset.created", "asset", id,
            {"name", "type", "make", "model", "serial", "install_date", "parent_id"});
  return get(tx, id);
}

Outcome<RecordedReading> add_reading(store::OrgTx& tx, const audit::Actor& by, std::int64_t asset,
                                     const Checked<NewReading>& in, std::int64_t now) {
  if (!repo::lock(tx, asset)) return unexpected(no_such_asset());
  if (!in) return unexpected(in.error());
  const auto& r = (*in)->value;
  const auto read_at = r.read_at ? r.read_at->ms : now;
  if (read_at > now + kClockSkewMs)
    return unexpected(reading_error("a meter reading cannot be dated in the future",
                                    "meter_reading_in_future", "read_at", "is in the future"));
  const auto& kind = r.kind.value;
  const double value = r.value.value;
  const auto around = repo::bounds(tx, asset, kind, read_at);
  if (around.earlier_max && value < *around.earlier_max)
    return unexpected(reading_error("a meter reading cannot be below an earlier-dated reading",
                                    "meter_reading_below_earlier", "value",
                                    "is below a reading dated before it"));
  if (around.later_min && value > *around.later_min)
    return unexpected(reading_error("a meter reading cannot be above a later-dated reading",
                                    "meter_reading_above_later", "value",
                                    "is above a reading dated after it"));
  const auto id = repo::insert_reading(tx, asset, kind, value, read_at, by.user_id.value_or(0));
  by.record(tx.connection(), "asset.reading_added", "asset", asset, {"kind", "value"});
  return RecordedReading{id, kind, value, resource::Time{read_at}};
}

Outcome<resource::Items<ReadingView>> readings(store::OrgTx& tx, std::int64_t asset,
                                               const std::optional<std::string>& kind,
                                               std::int64_t limit) {
  BULWARK_TRY_VOID(get(tx, asset));
  return resource::Items<ReadingView>{repo::readings(tx, asset, kind, limit)};
}

}  // namespace bulwark::domain::assets
