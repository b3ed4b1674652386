#include "api/asset_status_handlers.hpp"

#include <charconv>

#include "api/query_params.hpp"
#include "domain/assets/status_service.hpp"

namespace bulwark::api {

namespace assets = domain::assets;
using store::OrgTx;

namespace {

using std::chrono::year_month_day;

// "2026-12-02", checked for a real day; a 400 naming the parameter otherwise.
Result<std::optional<year_month_day>> local_date_param(const QueryParams& q,
                                                       const std::string& name) {
  const auto text = q.text(name, 10);
  if (!text) return std::optional<year_month_day>{};
  const auto bad = [&] {
    return unexpected(ApiError(ErrorCode::validation_failed, "bad date", "invalid_parameter",
                               {{name, "must be a date like 2026-12-02"}}));
  };
  if (text->size() != 10 || (*text)[4] != '-' || (*text)[7] != '-') return bad();
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const auto read = [&](std::size_t from, std::size_t len, auto& out) {
    const auto* end = text->data() + from + len;
    const auto r = std::from_chars(text->data() + from, end, out);
    return r.ec == std::errc{} && r.ptr == end;
  };
  if (!read(0, 4, y) || !read(5, 2, m) || !read(8, 2, d)) return bad();
  const year_month_day day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!day.ok() || y < 2000 || y > 2200) return bad();
  return std::optional(day);
}

}  // namespace

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
