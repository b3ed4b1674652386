#include "domain/invoices/receivables.hpp"

#include <array>

#include "core/iso_date.hpp"
#include "core/org_time.hpp"
#include "domain/customers/joined.hpp"
#include "domain/invoices/service.hpp"
#include "domain/org/service.hpp"

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

// Every open invoice with what the ledger holds for it; an organization has
// hundreds, not millions, of open invoices, so ages and totals are counted
// here and the page is cut from the result.
constexpr OrgSql kOpen(
    "SELECT i.id, i.number, i.customer_id, i.currency, i.total_cents, i.due_on, i.created_at, "
    "c.name AS customer_name, c.row_key AS customer_row_key, "
    "COALESCE((SELECT SUM(CASE WHEN p.kind = 'charge' THEN p.amount_cents "
    "ELSE -p.amount_cents END) FROM payment_ledger p WHERE p.org_id = $1 AND "
    "p.invoice_id = i.id), 0) AS paid_cents "
    "FROM invoices i LEFT JOIN customers c ON c.org_id = $1 AND c.id = i.customer_id "
    "WHERE i.org_id = $1 AND i.status = 'open' ORDER BY i.id");

struct OpenRow {
  std::int64_t id = 0, number = 0;
  std::optional<std::int64_t> customer_id;
  std::string currency;
  std::int64_t total_cents = 0;
  std::optional<std::string> due_on;
  std::int64_t created_at = 0;
  std::optional<std::string> customer_name;
  std::int64_t paid_cents = 0;
};
BOOST_DESCRIBE_STRUCT(OpenRow, (),
                      (id, number, customer_id, currency, total_cents, due_on, created_at,
                       customer_name, paid_cents))

constexpr std::array<std::string_view, 5> kBuckets{"current", "1-30", "31-60", "61-90", "90+"};

}  // namespace

std::string_view aging_bucket(std::int64_t days) {
  if (days <= 0) return kBuckets[0];
  if (days <= 30) return kBuckets[1];
  if (days <= 60) return kBuckets[2];
  if (days <= 90) return kBuckets[3];
  return kBuckets[4];
}

std::optional<std::int64_t> days_between(std::string_view due, std::chrono::year_month_day today) {
  const auto day = core::parse_iso_date(due);
  if (!day) return std::nullopt;
  return (std::chrono::sys_days{today} - std::chrono::sys_days{*day}).count();
}

Expected<Receivables, ApiError> receivables(store::OrgTx& tx, const ReceivablesQuery& q,
                                            std::int64_t now) {
  const auto zone = org::time_zone(tx);
  const auto today = core::local_date(zone, now);
  Receivables out;
  out.today = core::iso_date(today);
  for (auto b : kBuckets) out.buckets.push_back({std::string(b), 0, 0});
  const auto rows = customers::decode_opened<OpenRow>(
      tx.run(kOpen), [&](OpenRow& r, const auto& customer_key, const auto&) {
        customers::open_joined(tx, "customers", "name", customer_key, r.customer_name);
      });
  for (const auto& r : rows) {
    const auto balance = r.total_cents - r.paid_cents;
    if (balance <= 0) continue;
    const auto due = r.due_on.value_or(core::iso_date(core::local_date(zone, r.created_at)));
    const auto days = std::max<std::int64_t>(days_between(due, today).value_or(0), 0);
    const auto bucket = aging_bucket(days);
    for (auto& b : out.buckets)
      if (b.bucket == bucket) {
        ++b.count;
        b.balance_cents += balance;
      }
    out.total_balance_cents += balance;
    if (q.after_id && r.id <= *q.after_id) continue;
    if (static_cast<std::int64_t>(out.items.size()) == q.limit) {
      if (!out.next_cursor) out.next_cursor = std::to_string(out.items.back().invoice_id);
      continue;
    }
    out.items.push_back({r.id, invoice_number(r.number), r.customer_id,
                         r.customer_name.value_or("(no customer)"), r.currency, r.total_cents,
                         r.paid_cents, balance, due, days, std::string(bucket)});
  }
  return out;
}

}  // namespace bulwark::domain::invoices
