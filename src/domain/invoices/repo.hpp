#pragma once
// The invoices' SQL, beside its only callers (service.cpp, payments.cpp,
// stripe_events.cpp). Every statement is scoped to the transaction's
// organization (OrgSql); the ledger and the Checkout Sessions have their
// own files (domain/payment_ledger, domain/checkout_sessions).
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invoices/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices::repo {

std::optional<InvoiceRow> find(store::OrgTx& tx, std::int64_t id);
// Up to q.limit + 1 rows (the extra one says there is a next page).
std::vector<InvoiceRow> list(store::OrgTx& tx, const InvoiceQuery& q);
std::vector<InvoiceLineView> lines(store::OrgTx& tx, std::int64_t id);
std::vector<PaymentView> payments(store::OrgTx& tx, std::int64_t id);
std::vector<MismatchView> mismatches(store::OrgTx& tx, std::int64_t id);

// The work order an invoice is made from.
struct WorkOrderToBill {
  std::string status;
  std::optional<std::int64_t> customer_id;
};
std::optional<WorkOrderToBill> work_order(store::OrgTx& tx, std::int64_t work_order_id);
bool work_order_invoiced(store::OrgTx& tx, std::int64_t work_order_id);

// The organization's next invoice number (1001 first).
std::int64_t next_number(store::OrgTx& tx);
std::int64_t insert(store::OrgTx& tx, std::int64_t number, std::int64_t work_order_id,
                    std::optional<std::int64_t> customer_id, std::int64_t total_cents,
                    std::int64_t now);

// The office's move: only from the version it read (409 version_conflict).
Expected<void, ApiError> set_status(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                    const std::string& to, std::int64_t now);
// A payment's move: only from the status it was seen in.
bool move_status(store::OrgTx& tx, std::int64_t id, const std::string& from, const std::string& to,
                 std::int64_t now);
// The previous release finds a refund's invoice by this column.
void set_payment_intent(store::OrgTx& tx, std::int64_t id, const std::string& intent);
// Locks the row of an invoice still open at this version; false when it moved.
bool lock_open(store::OrgTx& tx, std::int64_t id, std::int64_t version);

}  // namespace bulwark::domain::invoices::repo
