#pragma once
// The maintenance reports, callable with no HTTP. `from` and `to` are local
// dates (both included); absent: the last 90 days up to today.
#include <chrono>
#include <optional>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/reports/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::reports {

template <class T>
using Outcome = Expected<T, ApiError>;
using LocalDay = std::optional<std::chrono::year_month_day>;

// The window, or 400 when it ends before it starts or spans over 3 years.
Outcome<Window> window(store::OrgTx& tx, LocalDay from, LocalDay to, std::int64_t now);

Outcome<PmComplianceReport> pm_compliance(store::OrgTx& tx, LocalDay from, LocalDay to,
                                          std::int64_t now);
Outcome<MttrReport> mttr(store::OrgTx& tx, LocalDay from, LocalDay to, std::int64_t now);
Outcome<AssetCostsReport> asset_costs(store::OrgTx& tx, LocalDay from, LocalDay to,
                                      std::int64_t now);

}  // namespace bulwark::domain::reports
