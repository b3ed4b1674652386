#include "domain/invoices/manual_payments.hpp"

#include "core/org_time.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/org/service.hpp"
#include "domain/payment_ledger.hpp"

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

// Bumps the version of an open invoice: takes its row lock (PostgreSQL) so
// two payments recorded at once are checked against the balance in turn,
// and any copy of the invoice read before is stale.
constexpr OrgSql kLockOpen(
    "UPDATE invoices SET version = version + 1, updated_at = $3 WHERE org_id = $1 AND id = $2 "
    "AND status = 'open'");
constexpr OrgSql kInsert(
    "INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, "
    "recorded_by, at, method, reference, received_on, row_key) VALUES ($1, $2, 'charge', $3, $4, "
    "'manual', $5, $6, $7, $8, $9, $10)");

ApiError not_open(const std::string& status) {
  return ApiError(ErrorCode::conflict, "only an open invoice takes payments; this one is " + status,
                  "invoice_not_open");
}

}  // namespace

Outcome<InvoiceView> record_manual_payment(store::OrgTx& tx, const audit::Actor& by,
                                           std::int64_t id, const Checked<ManualPayment>& in,
                                           std::int64_t now) {
  const auto row = repo::find(tx, id);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such invoice"));
  if (!in) return unexpected(in.error());
  const auto& p = (*in)->value;
  if (row->status != "open") return unexpected(not_open(row->status));
  if (tx.run(kLockOpen, id, now).affected == 0) return unexpected(not_open("no longer open"));
  const auto state = payment_state(tx, id, row->total_cents);
  if (p.amount_cents.value > state.balance_cents)
    return unexpected(ApiError(ErrorCode::unprocessable,
                               "the payment is more than the balance due (" +
                                   std::to_string(state.balance_cents) + " cents)",
                               "overpayment", {{"amount_cents", "is more than the balance due"}}));
  const auto key = tx.new_row_key();
  std::optional<std::string> reference;
  if (p.reference) reference = tx.seal("payment_ledger", "reference", key, p.reference->value);
  const auto received_on = p.received_on
                               ? p.received_on->value
                               : core::iso_date(core::local_date(org::time_zone(tx), now));
  tx.run(kInsert, id, p.amount_cents.value, row->currency, by.user_id, now, p.method.value,
         reference, received_on, key);
  expire_payment_links(tx, id);
  std::vector<std::string> fields{"method", "amount_cents", "received_on"};
  if (p.reference) fields.emplace_back("reference");
  by.record(tx.connection(), "invoice.payment_recorded", "invoice", id, fields);
  if (p.amount_cents.value == state.balance_cents && repo::move_status(tx, id, "open", "paid", now))
    by.record(tx.connection(), "invoice.status_changed", "invoice", id, {"status"});
  return get(tx, id);
}

}  // namespace bulwark::domain::invoices
