#include "domain/invoice_lines.hpp"

#include <algorithm>
#include <boost/describe/class.hpp>
#include <cmath>

namespace bulwark::domain {

namespace {

using store::OrgSql;

constexpr OrgSql kLabourRate("SELECT labour_rate_cents AS value FROM orgs WHERE id = $1");
constexpr OrgSql kMinutes(
    "SELECT COALESCE(SUM(minutes), 0) AS value FROM work_order_time WHERE org_id = $1 AND "
    "work_order_id = $2");
constexpr OrgSql kParts(
    "SELECT name AS description, quantity, unit_cost_cents AS unit_cents, "
    "CASE WHEN price_item_id IS NULL THEN 0 ELSE 1 END AS from_book FROM work_order_parts "
    "WHERE org_id = $1 AND work_order_id = $2 ORDER BY id");
constexpr OrgSql kInsertLine(
    "INSERT INTO invoice_lines (org_id, invoice_id, description, quantity, unit_cents, "
    "amount_cents) VALUES ($1, $2, $3, $4, $5, $6)");
constexpr OrgSql kDeleteLines("DELETE FROM invoice_lines WHERE org_id = $1 AND invoice_id = $2");
constexpr OrgSql kLockWorkOrder(
    "UPDATE work_orders SET updated_at = updated_at WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInvoiceOfWorkOrder(
    "SELECT id, status FROM invoices WHERE org_id = $1 AND work_order_id = $2");
constexpr OrgSql kLockDraft(
    "UPDATE invoices SET version = version WHERE org_id = $1 AND id = $2 AND status = 'draft'");
constexpr OrgSql kEdited("SELECT edited AS value FROM invoices WHERE org_id = $1 AND id = $2");
constexpr OrgSql kRefreshTotal(
    "UPDATE invoices SET total_cents = $3, updated_at = $4, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND status = 'draft'");

struct Count {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Count, (), (value))

}  // namespace

BOOST_DESCRIBE_STRUCT(BillablePart, (), (description, quantity, unit_cents, from_book))

BOOST_DESCRIBE_STRUCT(WorkOrderInvoice, (), (id, status))

std::int64_t line_cents(double quantity, std::int64_t unit_cents) {
  return static_cast<std::int64_t>(std::llround(quantity * static_cast<double>(unit_cents)));
}

std::vector<InvoiceLine> compose_invoice_lines(std::int64_t minutes, std::int64_t rate,
                                               std::vector<BillablePart> parts) {
  std::vector<InvoiceLine> lines;
  // Time entries are still recorded on a priced job (how long it took), but
  // the customer pays for what the book says: the pump-out, not its minutes.
  const bool priced_from_book =
      std::ranges::any_of(parts, [](const BillablePart& p) { return p.from_book != 0; });
  if (minutes > 0 && !priced_from_book) {
    const double hours = static_cast<double>(minutes) / 60.0;
    lines.push_back(
        {"Labour (" + std::to_string(minutes) + " min)", hours, rate, line_cents(hours, rate)});
  }
  for (auto& p : parts)
    lines.push_back(
        {std::move(p.description), p.quantity, p.unit_cents, line_cents(p.quantity, p.unit_cents)});
  return lines;
}

std::vector<InvoiceLine> work_order_invoice_lines(store::OrgTx& tx, std::int64_t wo) {
  const auto rate = tx.one<Count>(kLabourRate).value().value;
  const auto minutes = tx.one<Count>(kMinutes, wo).value_or(Count{}).value;
  return compose_invoice_lines(minutes, rate, tx.all<BillablePart>(kParts, wo));
}

std::vector<InvoiceLine> work_order_invoice_lines(store::Connection& conn, std::int64_t org,
                                                  std::int64_t wo) {
  store::OrgTx tx(conn, org);
  return work_order_invoice_lines(tx, wo);
}

std::int64_t invoice_total(const std::vector<InvoiceLine>& lines) {
  std::int64_t total = 0;
  for (const auto& l : lines) total += l.amount_cents;
  return total;
}

void insert_invoice_lines(store::OrgTx& tx, std::int64_t invoice_id,
                          const std::vector<InvoiceLine>& lines) {
  for (const auto& l : lines)
    tx.run(kInsertLine, invoice_id, l.description, l.quantity, l.unit_cents, l.amount_cents);
}

bool lock_work_order_for_billing(store::OrgTx& tx, std::int64_t wo) {
  return tx.run(kLockWorkOrder, wo).affected > 0;
}

bool lock_work_order_for_billing(store::Connection& conn, std::int64_t org, std::int64_t wo) {
  store::OrgTx tx(conn, org);
  return lock_work_order_for_billing(tx, wo);
}

std::optional<WorkOrderInvoice> work_order_invoice(store::Connection& conn, std::int64_t org,
                                                   std::int64_t wo) {
  store::OrgTx tx(conn, org);
  return tx.one<WorkOrderInvoice>(kInvoiceOfWorkOrder, wo);
}

bool lock_draft_invoice(store::Connection& conn, std::int64_t org, std::int64_t invoice_id) {
  store::OrgTx tx(conn, org);
  return tx.run(kLockDraft, invoice_id).affected > 0;
}

bool refresh_draft_invoice(store::Connection& conn, std::int64_t org, std::int64_t invoice_id,
                           std::int64_t wo, std::int64_t now) {
  store::OrgTx tx(conn, org);
  // The office's edits win: an edited draft is theirs, not the work order's.
  if (tx.one<Count>(kEdited, invoice_id).value_or(Count{}).value != 0) return false;
  const auto lines = work_order_invoice_lines(tx, wo);
  tx.run(kDeleteLines, invoice_id);
  insert_invoice_lines(tx, invoice_id, lines);
  tx.run(kRefreshTotal, invoice_id, invoice_total(lines), now);
  return true;
}

}  // namespace bulwark::domain
