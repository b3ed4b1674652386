#pragma once
// Editing a draft invoice (issue 14 item 2): lines, discount, notes, terms,
// due date. Every edit carries the version read (409 version_conflict),
// only a draft is edited (409 invoice_not_draft: opening freezes it), the
// edit is audited (field names), marks the invoice `edited` so refreshing
// it from its work order no longer rewrites it, recomputes its total
// (totals.hpp) and expires any payment link it had.
#include <vector>

#include "audit/actor.hpp"
#include "domain/invoices/editing_model.hpp"
#include "domain/invoices/model.hpp"
#include "domain/invoices/service.hpp"
#include "domain/invoices/totals.hpp"

namespace bulwark::domain::invoices {

template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

Outcome<InvoiceView> edit(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                          const Checked<InvoiceChange>& in, std::int64_t now);
Outcome<InvoiceView> add_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              const Checked<NewInvoiceLine>& in, std::int64_t now);
Outcome<InvoiceView> change_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                 std::int64_t line, const Checked<InvoiceLineChange>& in,
                                 std::int64_t now);
Outcome<InvoiceView> remove_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                 std::int64_t line, const Checked<InvoiceLineRemoval>& in,
                                 std::int64_t now);

// The totals of these lines with the invoice's discount.
Totals totals_of(const std::vector<InvoiceLineView>& lines, std::int64_t discount_cents,
                 std::int64_t discount_bp);

// Expires the invoice's active Stripe Checkout Sessions (through the jobs
// outbox) and the previous release's link: the amount they ask is stale.
void expire_payment_links(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::invoices
