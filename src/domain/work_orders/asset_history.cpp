// An asset's work history: its work orders, newest first, with what each
// cost as its invoice would bill it (domain/invoice_lines.hpp: labour
// minutes at the organization's rate, parts at their unit cost, each line
// rounded to the cent). Technicians see their own work orders, without costs.
#include <map>

#include "domain/invoice_lines.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

Outcome<AssetWorkHistory> asset_history(store::OrgTx& tx, const Caller& by, std::int64_t asset) {
  if (!repo::asset_site(tx, asset))
    return unexpected(ApiError(ErrorCode::not_found, "no such asset"));
  constexpr std::int64_t kLimit = 200;
  const auto scope = by.technician() ? repo::Scope(by.user_id) : std::nullopt;
  auto rows = repo::asset_work(tx, asset, scope, kLimit + 1);
  AssetWorkHistory out;
  out.truncated = rows.size() > static_cast<std::size_t>(kLimit);
  if (out.truncated) rows.resize(kLimit);
  std::map<std::int64_t, std::int64_t> parts;  // work order -> cents
  const bool costs = !by.technician();
  if (costs && !rows.empty())
    for (const auto& p : repo::asset_parts(tx, asset, rows.back().id))
      parts[p.work_order_id] += line_cents(p.quantity, p.unit_cost_cents);
  const auto rate = costs ? repo::labour_rate_cents(tx) : 0;
  std::int64_t labour_sum = 0, parts_sum = 0;
  for (auto& r : rows) {
    AssetWorkOrder w{r.id,
                     "WO-" + std::to_string(r.number),
                     std::move(r.title),
                     std::move(r.type),
                     std::move(r.status),
                     r.scheduled_start,
                     r.completed_at,
                     r.created_at,
                     std::move(r.assignee_name),
                     r.labour_minutes,
                     {},
                     {},
                     {}};
    if (costs) {
      const auto labour = line_cents(static_cast<double>(r.labour_minutes) / 60.0, rate);
      const auto part_cents = parts.contains(r.id) ? parts[r.id] : 0;
      w.labour_cents.emplace(labour);
      w.parts_cents.emplace(part_cents);
      w.total_cents.emplace(labour + part_cents);
      labour_sum += labour;
      parts_sum += part_cents;
    }
    out.items.push_back(std::move(w));
  }
  if (costs) {
    out.labour_cents.emplace(labour_sum);
    out.parts_cents.emplace(parts_sum);
    out.total_cents.emplace(labour_sum + parts_sum);
  }
  return out;
}

}  // namespace bulwark::domain::work_orders
