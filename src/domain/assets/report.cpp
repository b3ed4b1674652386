// An asset's downtime and cost per month, in the organization's time zone:
// a month or a day is the local one a plant manager means.
#include <map>

#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/assets/downtime.hpp"
#include "domain/assets/repo_status.hpp"
#include "domain/assets/status_service.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/org/service.hpp"

namespace bulwark::domain::assets {

namespace {

using std::chrono::year_month_day;

std::string month_key(const year_month_day& d) { return core::iso_date(d).substr(0, 7); }

year_month_day first_of(const year_month_day& d) {
  return year_month_day{d.year(), d.month(), std::chrono::day(1)};
}

}  // namespace

Outcome<DowntimeView> downtime(store::OrgTx& tx, std::int64_t asset,
                               std::optional<year_month_day> from, std::optional<year_month_day> to,
                               std::int64_t now) {
  BULWARK_TRY_VOID(get(tx, asset));
  const auto zone = org::time_zone(tx);
  const auto today = core::local_date(zone, now);
  const auto first = from.value_or(first_of(today));
  const auto last = to.value_or(today);
  if (last < first)
    return unexpected(ApiError(ErrorCode::validation_failed, "the window ends before it starts",
                               "invalid_parameter", {{"to", "is before from"}}));
  const auto start = core::day_bounds(zone, first).start_ms;
  // Never past now: the future holds no downtime yet.
  const auto end = std::min(core::day_bounds(zone, last).end_ms, now);
  DowntimeView out{core::iso_date(first), core::iso_date(last), zone, 0, {}};
  if (end <= start) return out;
  StatusAt before{"running", 0, ""};
  if (auto b = repo::change_at_or_before(tx, asset, start))
    before = {std::move(b->to_status), b->changed_at, std::move(b->reason)};
  std::vector<StatusAt> changes;
  for (auto& c : repo::changes_between(tx, asset, start, end))
    changes.push_back({std::move(c.to_status), c.changed_at, std::move(c.reason)});
  const auto d = compute_downtime(before, changes, start, end);
  out.down_minutes = whole_minutes(d.down_ms);
  for (const auto& p : d.periods) {
    DownPeriodView v{resource::Time{p.start}, resource::Time{p.end}, whole_minutes(p.end - p.start),
                     p.reason};
    if (p.ongoing && end == now) v.end.reset();  // still down right now
    out.periods.push_back(std::move(v));
  }
  return out;
}

Outcome<AssetCost> cost(store::OrgTx& tx, std::int64_t asset, int months, std::int64_t now) {
  BULWARK_TRY_VOID(get(tx, asset));
  const auto zone = org::time_zone(tx);
  const auto this_month = first_of(core::local_date(zone, now));
  const year_month_day oldest = this_month - std::chrono::months(months - 1);
  const auto next = this_month + std::chrono::months(1);
  const auto start = core::day_bounds(zone, oldest).start_ms;
  const auto end = core::day_bounds(zone, next).start_ms;
  AssetCost out;
  out.time_zone = zone;
  std::map<std::string, std::size_t> index;
  for (auto m = oldest; m < next; m += std::chrono::months(1)) {
    index[month_key(m)] = out.months.size();
    out.months.push_back(CostMonth{month_key(m), 0, 0, 0, 0});
  }
  // Each work order counts in the month it was completed (else created), at
  // the amounts its invoice would bill (domain/invoice_lines.hpp).
  std::map<std::int64_t, std::size_t> month_of;  // work order -> months index
  const auto rate = repo::labour_rate_cents(tx);
  for (const auto& w : repo::cost_work(tx, asset, start, end)) {
    const auto it = index.find(month_key(core::local_date(zone, w.at)));
    if (it == index.end()) continue;
    month_of[w.id] = it->second;
    auto& m = out.months[it->second];
    m.work_orders += 1;
    m.labour_cents += line_cents(static_cast<double>(w.labour_minutes) / 60.0, rate);
  }
  for (const auto& p : repo::cost_parts(tx, asset, start, end)) {
    const auto it = month_of.find(p.work_order_id);
    if (it != month_of.end())
      out.months[it->second].parts_cents += line_cents(p.quantity, p.unit_cost_cents);
  }
  for (auto& m : out.months) {
    m.total_cents = m.labour_cents + m.parts_cents;
    out.labour_cents += m.labour_cents;
    out.parts_cents += m.parts_cents;
    out.total_cents += m.total_cents;
  }
  return out;
}

std::vector<AssetCostTotal> cost_by_asset(store::OrgTx& tx, std::int64_t from_ms,
                                          std::int64_t to_ms) {
  std::map<std::int64_t, AssetCostTotal> by_asset;
  std::map<std::int64_t, std::int64_t> asset_of;  // work order -> asset
  const auto rate = repo::labour_rate_cents(tx);
  for (const auto& w : repo::cost_work_all(tx, from_ms, to_ms)) {
    asset_of[w.id] = w.asset_id;
    auto& a = by_asset[w.asset_id];
    a.asset_id = w.asset_id;
    a.work_orders += 1;
    a.labour_cents += line_cents(static_cast<double>(w.labour_minutes) / 60.0, rate);
  }
  for (const auto& p : repo::cost_parts_all(tx, from_ms, to_ms)) {
    const auto it = asset_of.find(p.work_order_id);
    if (it != asset_of.end())
      by_asset[it->second].parts_cents += line_cents(p.quantity, p.unit_cost_cents);
  }
  std::vector<AssetCostTotal> out;
  out.reserve(by_asset.size());
  for (auto& [id, a] : by_asset) out.push_back(a);
  return out;
}

}  // namespace bulwark::domain::assets
