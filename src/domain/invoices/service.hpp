#pragma once
// The rules for invoices, callable from a unit test with no HTTP: an invoice
// is made from a completed work order (labour at the organization's rate
// plus its parts, in integer cents) and moves draft -> open -> paid ->
// refunded, or to void from draft or open. Every function runs inside the
// caller's organization-scoped transaction and audits what it changes
// (field names, never values).
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invoices/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

template <class T>
using Outcome = Expected<T, ApiError>;

// Whether the office may move an invoice from one status to another.
bool transition_allowed(std::string_view from, std::string_view to);

Outcome<InvoiceView> get(store::OrgTx& tx, std::int64_t id);
Outcome<resource::Page<InvoiceSummary>> list(store::OrgTx& tx, const InvoiceQuery& q);

// 404 for another organization's work order, 409 work_order_not_completed,
// 409 already_invoiced (concurrent requests queue on the work order's lock).
Outcome<InvoiceView> create_from_work_order(store::OrgTx& tx, const audit::Actor& by,
                                            std::int64_t work_order_id, std::int64_t now);

// The office's move (409 illegal_transition, 409 version_conflict). Void
// expires the invoice's Checkout Sessions at Stripe through the jobs
// outbox; paid or refunded by hand records the money in the ledger. `in` is
// checked after the invoice is found.
Outcome<InvoiceView> change_status(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
    const Expected<const resource::Read<StatusChange>*, ApiError>& in, std::int64_t now);

// "INV-1001".
std::string invoice_number(std::int64_t number);

}  // namespace bulwark::domain::invoices
