#pragma once
// Accounts receivable (issue 14 item 2): open invoices with a balance due,
// the customer's name on every row, days past due and the aging bucket
// (current, 1-30, 31-60, 61-90, 90+), counted in whole days of the
// organization's time zone. An invoice is due on its due date, or on the
// day it was created when it has none. Totals per bucket cover every open
// invoice, not only the page.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "resource/fields.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

struct ReceivableView {
  std::int64_t invoice_id = 0;
  std::string number;  // "INV-1001"
  std::optional<std::int64_t> customer_id;
  std::string customer_name;
  std::string currency;
  std::int64_t total_cents = 0, paid_cents = 0, balance_cents = 0;
  std::string due_on;  // local date
  std::int64_t days_overdue = 0;
  std::string bucket;  // current | 1-30 | 31-60 | 61-90 | 90+
};
BULWARK_RESOURCE(ReceivableView, invoice_id, number, customer_id, customer_name, currency,
                 total_cents, paid_cents, balance_cents, due_on, days_overdue, bucket)

struct AgingBucket {
  std::string bucket;
  std::int64_t count = 0, balance_cents = 0;
};
BULWARK_RESOURCE(AgingBucket, bucket, count, balance_cents)

struct Receivables {
  std::vector<ReceivableView> items;
  std::optional<std::string> next_cursor;
  std::vector<AgingBucket> buckets;  // all five, in order
  std::int64_t total_balance_cents = 0;
  std::string today;  // the organization's date the ages are counted from
};
BULWARK_RESOURCE(Receivables, items, next_cursor, buckets, total_balance_cents, today)

struct ReceivablesQuery {
  std::optional<std::int64_t> after_id;
  std::int64_t limit = 50;
};

// The bucket of an invoice `days_overdue` days past due (pure).
std::string_view aging_bucket(std::int64_t days_overdue);
// Whole days from `due` to `today` (negative before the due date); nullopt
// when `due` is not a date "YYYY-MM-DD".
std::optional<std::int64_t> days_between(std::string_view due, std::chrono::year_month_day today);

Expected<Receivables, ApiError> receivables(store::OrgTx& tx, const ReceivablesQuery& q,
                                            std::int64_t now);

}  // namespace bulwark::domain::invoices
