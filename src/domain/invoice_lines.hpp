#pragma once
// What an invoice bills for a work order: labour (its time entries at the
// organization's hourly rate) and each part at its unit cost, in integer
// cents. A work order with line items from the price book bills those
// instead of its minutes: labour is then billed through an hourly item. Computed in one place so
// that creating an invoice and refreshing a draft after its work order changed always agree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain {

struct InvoiceLine {
  std::string description;
  double quantity = 0;
  std::int64_t unit_cents = 0;
  std::int64_t amount_cents = 0;
};

// A part or line item as billed; `from_book`: it came from the price book.
struct BillablePart {
  std::string description;
  double quantity = 0;
  std::int64_t unit_cents = 0;
  std::int64_t from_book = 0;
};
// The lines for `minutes` of labour at `rate` cents an hour and the parts
// (pure: the rule above, in one place).
std::vector<InvoiceLine> compose_invoice_lines(std::int64_t minutes, std::int64_t rate,
                                               std::vector<BillablePart> parts);

// The lines of the work order as it stands in this transaction.
std::vector<InvoiceLine> work_order_invoice_lines(store::OrgTx& tx, std::int64_t work_order_id);
std::vector<InvoiceLine> work_order_invoice_lines(store::Connection& conn, std::int64_t org_id,
                                                  std::int64_t work_order_id);
// A line's amount: quantity x unit price, rounded to the cent.
std::int64_t line_cents(double quantity, std::int64_t unit_cents);
std::int64_t invoice_total(const std::vector<InvoiceLine>& lines);
void insert_invoice_lines(store::OrgTx& tx, std::int64_t invoice_id,
                          const std::vector<InvoiceLine>& lines);

// Takes the work order's row lock (a no-op UPDATE, the same SQL on both
// engines: PostgreSQL locks the row until commit, SQLite's write
// transaction holds the database already). Whatever bills a work order
// (creating its invoice, adding or changing its time and parts) takes it
// first, so an invoice never misses a change made while it was created.
// False when the work order is not in the organization.
bool lock_work_order_for_billing(store::Connection& conn, std::int64_t org_id,
                                 std::int64_t work_order_id);
bool lock_work_order_for_billing(store::OrgTx& tx, std::int64_t work_order_id);

// The work order's invoice, if it has one (at most one: invoices.work_order_id
// is unique, a void invoice included).
struct WorkOrderInvoice {
  std::int64_t id = 0;
  std::string status;
};
std::optional<WorkOrderInvoice> work_order_invoice(store::Connection& conn, std::int64_t org_id,
                                                   std::int64_t work_order_id);

// Locks a draft invoice's row for the rest of the transaction; false when
// it is no longer a draft (opened meanwhile: PostgreSQL re-checks the
// status once the opener commits). Taken before its lines are refreshed,
// so a draft is never refreshed while it is being opened.
bool lock_draft_invoice(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id);

// Rewrites a draft invoice's lines and total from its work order and bumps
// its version (whoever read the old total must reload before opening it).
// False (nothing rewritten) once the office edited the draft.
bool refresh_draft_invoice(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id,
                           std::int64_t work_order_id, std::int64_t now_ms);

}  // namespace bulwark::domain
