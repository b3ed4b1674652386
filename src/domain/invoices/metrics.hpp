#pragma once
// The owners' business metrics: open work by status and priority, overdue
// work, time to complete and completions per week (last 12 weeks), and money
// invoiced and paid per month (last year, void invoices left out).
#include "domain/invoices/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

BusinessMetrics business_metrics(store::OrgTx& tx, std::int64_t now);

}  // namespace bulwark::domain::invoices
