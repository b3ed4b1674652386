#include "domain/invoices/repo.hpp"

#include "domain/customers/joined.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::invoices::repo {

namespace {

using store::OrgSql;

// With the work order's number and the customer's name, so the office reads
// "WO-1042, Cora Tank" instead of ids.
#define INVOICE_COLUMNS                                                           \
  "SELECT i.id, i.number, i.work_order_id, i.customer_id, i.status, i.currency, " \
  "i.total_cents, i.created_at, i.updated_at, i.paid_at, i.version, "             \
  "w.number AS work_order_number, c.name AS customer_name, "                      \
  "c.row_key AS customer_row_key, i.edited, i.discount_cents, i.discount_bp, "    \
  "i.notes, i.terms, i.due_on, i.row_key FROM invoices i "                        \
  "LEFT JOIN work_orders w ON w.org_id = $1 AND w.id = i.work_order_id "          \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = i.customer_id "

constexpr OrgSql kFind(INVOICE_COLUMNS "WHERE i.org_id = $1 AND i.id = $2");
constexpr OrgSql kList(INVOICE_COLUMNS
                       "WHERE i.org_id = $1 AND (CAST($2 AS TEXT) IS NULL OR i.status = CAST($2 "
                       "AS TEXT)) AND (CAST($3 AS BIGINT) IS NULL OR i.id < CAST($3 AS BIGINT)) "
                       "ORDER BY i.id DESC LIMIT $4");
#undef INVOICE_COLUMNS

constexpr OrgSql kLines(
    "SELECT id, description, quantity, unit, unit_cents, amount_cents, price_item_id, "
    "tax_rate_id, tax_name, tax_rate_bp FROM invoice_lines "
    "WHERE org_id = $1 AND invoice_id = $2 ORDER BY id");
constexpr OrgSql kPayments(
    "SELECT id, kind, amount_cents, currency, source, payment_intent_id, charge_id, refund_id, at, "
    "method, reference, received_on, row_key FROM payment_ledger WHERE org_id = $1 AND invoice_id "
    "= $2 ORDER BY id");
constexpr OrgSql kMismatches(
    "SELECT kind, expected_cents, received_cents, expected_currency, currency, invoice_status, "
    "needs_refund, event_type, at FROM payment_mismatches WHERE org_id = $1 AND invoice_id = $2 "
    "ORDER BY id");

constexpr OrgSql kWorkOrder(
    "SELECT status, customer_id FROM work_orders WHERE org_id = $1 AND id = $2");
constexpr OrgSql kWorkOrderInvoiced(
    "SELECT 1 AS found FROM invoices WHERE org_id = $1 AND work_order_id = $2");
constexpr OrgSql kNextNumber(
    "INSERT INTO org_counters (org_id, name, value) VALUES ($1, 'invoice', 1001) "
    "ON CONFLICT (org_id, name) DO UPDATE SET value = org_counters.value + 1 RETURNING value");
constexpr OrgSql kInsert(
    "INSERT INTO invoices (org_id, number, work_order_id, customer_id, status, total_cents, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) RETURNING id AS value");

constexpr OrgSql kSetStatus(
    "UPDATE invoices SET status = $4, updated_at = $5, "
    "paid_at = CASE WHEN $4 = 'paid' THEN $5 ELSE paid_at END, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kMoveStatus(
    "UPDATE invoices SET status = $3, updated_at = $4, version = version + 1, "
    "paid_at = CASE WHEN $3 = 'paid' THEN $4 ELSE paid_at END "
    "WHERE org_id = $1 AND id = $2 AND status = $5");
constexpr OrgSql kSetPaymentIntent(
    "UPDATE invoices SET payment_intent_id = $3 WHERE org_id = $1 AND id = $2");
// A no-op UPDATE: PostgreSQL holds the row lock until commit.
constexpr OrgSql kLockOpen(
    "UPDATE invoices SET version = version WHERE org_id = $1 AND id = $2 AND status = 'open' "
    "AND version = $3");

struct Value {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Value, (), (value))
struct RowKey {
  std::optional<std::string> row_key;
};
BOOST_DESCRIBE_STRUCT(RowKey, (), (row_key))

// The rows with their customer's name opened.
std::vector<InvoiceRow> opened(store::OrgTx& tx, const store::Result& result) {
  return customers::decode_opened<InvoiceRow>(
      result, [&](InvoiceRow& r, const auto& customer_key, const auto&) {
        customers::open_joined(tx, "customers", "name", customer_key, r.customer_name);
        customers::open_joined(tx, "invoices", "notes", r.row_key, r.notes);
      });
}

}  // namespace

BOOST_DESCRIBE_STRUCT(WorkOrderToBill, (), (status, customer_id))

std::optional<InvoiceRow> find(store::OrgTx& tx, std::int64_t id) {
  auto rows = opened(tx, tx.run(kFind, id));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<InvoiceRow> list(store::OrgTx& tx, const InvoiceQuery& q) {
  return opened(tx, tx.run(kList, q.status, q.before_id, q.limit + 1));
}

std::vector<InvoiceLineView> lines(store::OrgTx& tx, std::int64_t id) {
  return tx.all<InvoiceLineView>(kLines, id);
}

std::vector<PaymentView> payments(store::OrgTx& tx, std::int64_t id) {
  const auto result = tx.run(kPayments, id);
  auto out = store::decode_all<PaymentView>(result);
  // The check number is sealed under the ledger row's key (manual_payments.cpp).
  const auto keys = store::decode_all<RowKey>(result);
  for (std::size_t i = 0; i < out.size(); ++i)
    customers::open_joined(tx, "payment_ledger", "reference", keys[i].row_key, out[i].reference);
  return out;
}

std::vector<MismatchView> mismatches(store::OrgTx& tx, std::int64_t id) {
  return tx.all<MismatchView>(kMismatches, id);
}

std::optional<WorkOrderToBill> work_order(store::OrgTx& tx, std::int64_t work_order_id) {
  return tx.one<WorkOrderToBill>(kWorkOrder, work_order_id);
}

bool work_order_invoiced(store::OrgTx& tx, std::int64_t work_order_id) {
  return !tx.run(kWorkOrderInvoiced, work_order_id).empty();
}

std::int64_t next_number(store::OrgTx& tx) { return tx.one<Value>(kNextNumber).value().value; }

std::int64_t insert(store::OrgTx& tx, std::int64_t number, std::int64_t work_order_id,
                    std::optional<std::int64_t> customer_id, std::int64_t total_cents,
                    std::int64_t now) {
  return tx.one<Value>(kInsert, number, work_order_id, customer_id, total_cents, now).value().value;
}

Expected<void, ApiError> set_status(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                    const std::string& to, std::int64_t now) {
  return tx.update_versioned(kSetStatus, "invoice", id, version, to, now);
}

bool move_status(store::OrgTx& tx, std::int64_t id, const std::string& from, const std::string& to,
                 std::int64_t now) {
  return tx.run(kMoveStatus, id, to, now, from).affected > 0;
}

void set_payment_intent(store::OrgTx& tx, std::int64_t id, const std::string& intent) {
  tx.run(kSetPaymentIntent, id, intent);
}

bool lock_open(store::OrgTx& tx, std::int64_t id, std::int64_t version) {
  return tx.run(kLockOpen, id, version).affected > 0;
}

}  // namespace bulwark::domain::invoices::repo
