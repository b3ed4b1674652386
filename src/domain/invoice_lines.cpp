#include "domain/invoice_lines.hpp"

#include <cmath>

namespace bulwark::domain {

using store::Sql;

namespace {
std::int64_t cents(double quantity, std::int64_t unit) {
  return static_cast<std::int64_t>(std::llround(quantity * static_cast<double>(unit)));
}
}  // namespace

std::vector<InvoiceLine> work_order_invoice_lines(store::Connection& conn, std::int64_t org,
                                                  std::int64_t wo) {
  std::vector<InvoiceLine> lines;
  const auto rate = conn.query(Sql("SELECT labour_rate_cents FROM orgs WHERE id = $1"), {org})
                        .rows.at(0)
                        .integer(0);
  const auto minutes = conn.query(Sql("SELECT COALESCE(SUM(minutes), 0) FROM work_order_time "
                                      "WHERE org_id = $1 AND work_order_id = $2"),
                                  {org, wo})
                           .rows.at(0)
                           .integer(0);
  if (minutes > 0) {
    const double hours = static_cast<double>(minutes) / 60.0;
    lines.push_back(
        {"Labour (" + std::to_string(minutes) + " min)", hours, rate, cents(hours, rate)});
  }
  for (const auto& p : conn.query(Sql("SELECT name, quantity, unit_cost_cents FROM "
                                      "work_order_parts WHERE org_id = $1 AND "
                                      "work_order_id = $2 ORDER BY id"),
                                  {org, wo})
                           .rows)
    lines.push_back({p.text(0), p.real(1), p.integer(2), cents(p.real(1), p.integer(2))});
  return lines;
}

std::int64_t invoice_total(const std::vector<InvoiceLine>& lines) {
  std::int64_t total = 0;
  for (const auto& l : lines) total += l.amount_cents;
  return total;
}

void insert_invoice_lines(store::Connection& conn, std::int64_t org, std::int64_t invoice_id,
                          const std::vector<InvoiceLine>& lines) {
  for (const auto& l : lines)
    conn.query(Sql("INSERT INTO invoice_lines (org_id, invoice_id, description, quantity, "
                   "unit_cents, amount_cents) VALUES ($1, $2, $3, $4, $5, $6)"),
               {org, invoice_id, l.description, l.quantity, l.unit_cents, l.amount_cents});
}

bool lock_work_order_for_billing(store::Connection& conn, std::int64_t org, std::int64_t wo) {
  return conn.query(Sql("UPDATE work_orders SET updated_at = updated_at WHERE org_id = $1 AND "
                        "id = $2"),
                    {org, wo})
             .affected > 0;
}

std::optional<WorkOrderInvoice> work_order_invoice(store::Connection& conn, std::int64_t org,
                                                   std::int64_t wo) {
  auto r = conn.query(
      Sql("SELECT id, status FROM invoices WHERE org_id = $1 AND work_order_id = $2"), {org, wo});
  if (r.empty()) return std::nullopt;
  return WorkOrderInvoice{r.rows[0].integer(0), r.rows[0].text(1)};
}

bool lock_draft_invoice(store::Connection& conn, std::int64_t org, std::int64_t invoice_id) {
  return conn.query(Sql("UPDATE invoices SET version = version WHERE org_id = $1 AND id = $2 AND "
                        "status = 'draft'"),
                    {org, invoice_id})
             .affected > 0;
}

void refresh_draft_invoice(store::Connection& conn, std::int64_t org, std::int64_t invoice_id,
                           std::int64_t wo, std::int64_t now) {
  const auto lines = work_order_invoice_lines(conn, org, wo);
  conn.query(Sql("DELETE FROM invoice_lines WHERE org_id = $1 AND invoice_id = $2"),
             {org, invoice_id});
  insert_invoice_lines(conn, org, invoice_id, lines);
  conn.query(Sql("UPDATE invoices SET total_cents = $3, updated_at = $4, version = version + 1 "
                 "WHERE org_id = $1 AND id = $2 AND status = 'draft'"),
             {org, invoice_id, invoice_total(lines), now});
}

}  // namespace bulwark::domain
