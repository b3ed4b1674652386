#pragma once
// Payments the office records by hand (issue 14 item 2): cash, a check (its
// number), a card taken outside Stripe. Each is a charge row of the payment
// ledger; partial payments add up; a payment above the balance due is 422
// `overpayment`; the payment that clears the balance makes the invoice
// paid. Any payment expires the Stripe link (its amount is stale: a new one
// asks for the balance due).
#include "audit/actor.hpp"
#include "domain/invoices/editing.hpp"

namespace bulwark::domain::invoices {

// 404 for another organization's invoice, then the body's problems, then
// 409 invoice_not_open, then 422 overpayment.
Outcome<InvoiceView> record_manual_payment(store::OrgTx& tx, const audit::Actor& by,
                                           std::int64_t id, const Checked<ManualPayment>& in,
                                           std::int64_t now);

}  // namespace bulwark::domain::invoices
