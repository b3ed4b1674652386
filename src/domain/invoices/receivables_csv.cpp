#include "domain/invoices/receivables_csv.hpp"

#include "core/csv.hpp"
#include "domain/invoices/receivables.hpp"

namespace bulwark::domain::invoices {

Expected<CsvFile, ApiError> receivables_csv(store::OrgTx& tx, const audit::Actor& by,
                                            std::int64_t now) {
  auto open = receivables(tx, {.after_id = std::nullopt, .limit = INT64_MAX}, now);
  if (!open) return unexpected(std::move(open.error()));
  csv::Writer w;
  w.row({csv::text("Invoice"), csv::text("Customer"), csv::text("Due on"),
         csv::text("Days past due"), csv::text("Aging"), csv::text("Currency"), csv::text("Total"),
         csv::text("Paid"), csv::text("Balance")});
  for (const auto& r : open->items)
    w.row({csv::text(r.number), csv::text(r.customer_name), csv::text(r.due_on),
           csv::number(r.days_overdue), csv::text(r.bucket), csv::text(r.currency),
           csv::amount(r.total_cents), csv::amount(r.paid_cents), csv::amount(r.balance_cents)});
  by.record(tx.connection(), "receivables.exported", "organization", tx.org_id());
  return CsvFile{"receivables-" + open->today + ".csv", std::move(w).finish()};
}

}  // namespace bulwark::domain::invoices
