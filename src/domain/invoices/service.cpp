#include "domain/invoices/service.hpp"

#include "core/try.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/invoices/editing.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/payment_ledger.hpp"
#include "domain/retention/invoice_snapshot.hpp"
#include "jobs/stripe_jobs.hpp"

namespace bulwark::domain::invoices {

namespace {

ApiError no_such_invoice() { return ApiError(ErrorCode::not_found, "no such invoice"); }

InvoiceSummary summary(const InvoiceRow& r) {
  return {r.id,
          invoice_number(r.number),
          r.work_order_id,
          r.customer_id,
          r.status,
          r.currency,
          r.total_cents,
          r.created_at,
          r.updated_at,
          r.paid_at,
          r.version,
          r.work_order_number ? "WO-" + std::to_string(*r.work_order_number) : std::string(),
          r.customer_name};
}

// What a status set by the office means beyond the status, in its
// transaction. Void: the invoice's Checkout Sessions are expired at Stripe
// (through the jobs outbox, with retries) and the previous release's link
// row goes, so no instance hands the link out again. Paid / refunded by
// hand: the ledger records the money the office says moved.
void record_consequences(store::OrgTx& tx, const audit::Actor& by, const InvoiceRow& invoice,
                         const std::string& to, std::int64_t now) {
  if (to == "void") {
    for (const auto& session : active_checkout_sessions(tx, invoice.id))
      jobs::enqueue_session_expiry(tx.connection(), tx.org_id(), invoice.id, session);
    forget_legacy_payment_link(tx, invoice.id);
    return;
  }
  if (to != "paid" && to != "refunded") return;
  const auto state = payment_state(tx, invoice.id, invoice.total_cents);
  const auto amount = to == "paid" ? state.balance_cents : state.paid_cents - state.refunded_cents;
  if (amount <= 0) return;
  LedgerEntry e;
  e.invoice_id = invoice.id;
  e.kind = to == "paid" ? "charge" : "refund";
  e.amount_cents = amount;
  e.currency = invoice.currency;
  e.source = "manual";
  e.recorded_by = by.user_id;
  e.at = now;
  record_ledger_entry(tx, e);
}

}  // namespace

std::string invoice_number(std::int64_t number) { return "INV-" + std::to_string(number); }

bool transition_allowed(std::string_view from, std::string_view to) {
  return (from == "draft" && (to == "open" || to == "void")) ||
         (from == "open" && (to == "paid" || to == "void")) || (from == "paid" && to == "refunded");
}

Outcome<InvoiceView> get(store::OrgTx& tx, std::int64_t id) {
  const auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_invoice());
  auto s = summary(*row);
  InvoiceView v{s.id,
                std::move(s.number),
                s.work_order_id,
                s.customer_id,
                s.status,
                s.currency,
                s.total_cents,
                s.created_at,
                s.updated_at,
                s.paid_at,
                s.version,
                repo::lines(tx, id),
                std::nullopt,
                {},
                0,
                0,
                0,
                repo::payments(tx, id),
                repo::mismatches(tx, id),
                std::move(s.work_order_number),
                std::move(s.customer_name),
                std::nullopt,
                false,
                0,
                0,
                0,
                0,
                {},
                std::nullopt,
                std::nullopt,
                std::nullopt};
  // The frozen buyer; once the customer is purged it is the invoice's name.
  if (auto b = retention::billing_snapshot(tx, id)) {
    v.billing_snapshot = InvoiceBuyer{b->name, b->billing_address, b->email};
    if (retention::buyer_purged(tx, id)) v.customer_name = b->name;
  }
  // Only an open invoice shows its link: a void or paid one takes no money.
  if (v.status == "open") {
    const auto session = find_checkout_session(tx, id, std::nullopt);
    if (session && session->status == "active") v.payment_link = session->url;
  }
  v.edited = row->edited != 0;
  v.discount_cents = row->discount_cents;
  v.discount_bp = row->discount_bp;
  v.notes = row->notes;
  v.terms = row->terms;
  v.due_on = row->due_on;
  const auto totals = totals_of(v.lines, row->discount_cents, row->discount_bp);
  v.subtotal_cents = totals.subtotal_cents;
  v.discount_total_cents = totals.discount_cents;
  for (const auto& t : totals.taxes)
    v.taxes.push_back({t.name, t.rate_bp, t.base_cents, t.tax_cents});
  const auto state = payment_state(tx, id, v.total_cents);
  v.payment_state = state.state;
  v.paid_cents = state.paid_cents;
  v.refunded_cents = state.refunded_cents;
  v.balance_cents = state.balance_cents;
  return v;
}

Outcome<resource::Page<InvoiceSummary>> list(store::OrgTx& tx, const InvoiceQuery& q) {
  return resource::page_of<InvoiceSummary>(
      repo::list(tx, q), static_cast<std::size_t>(q.limit), summary,
      [](const InvoiceRow& last) { return std::to_string(last.id); });
}

Outcome<InvoiceView> create_from_work_order(store::OrgTx& tx, const audit::Actor& by,
                                            std::int64_t work_order_id, std::int64_t now) {
  // Concurrent requests for one work order queue here: the first creates
  // the invoice, the others then see it and answer 409 (never a 500).
  const auto wo = lock_work_order_for_billing(tx, work_order_id)
                      ? repo::work_order(tx, work_order_id)
                      : std::nullopt;
  if (!wo) return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  if (wo->status != "completed" && wo->status != "closed")
    return unexpected(ApiError(ErrorCode::conflict, "only a completed work order can be invoiced",
                               "work_order_not_completed"));
  if (repo::work_order_invoiced(tx, work_order_id))
    return unexpected(ApiError(ErrorCode::conflict, "this work order already has an invoice",
                               "already_invoiced"));
  const auto lines = work_order_invoice_lines(tx, work_order_id);
  const auto number = repo::next_number(tx);
  const auto id =
      repo::insert(tx, number, work_order_id, wo->customer_id, invoice_total(lines), now);
  insert_invoice_lines(tx, id, lines);
  by.record(tx.connection(), "invoice.created", "invoice", id, {"work_order_id", "total_cents"});
  return get(tx, id);
}

Outcome<InvoiceView> change_status(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
    const Expected<const resource::Read<StatusChange>*, ApiError>& in, std::int64_t now) {
  const auto current = repo::find(tx, id);  // existence first
  if (!current) return unexpected(no_such_invoice());
  if (!in) return unexpected(in.error());
  const auto& change = (*in)->value;
  const auto& to = change.to.value;
  if (!transition_allowed(current->status, to))
    return unexpected(ApiError(ErrorCode::conflict,
                               "an invoice cannot go from " + current->status + " to " + to,
                               "illegal_transition"));
  BULWARK_TRY_VOID(repo::set_status(tx, id, change.version.value, to, now));
  by.record(tx.connection(), "invoice.status_changed", "invoice", id, {"status"});
  // Opening freezes the buyer: the tax record keeps who was billed.
  if (to == "open") retention::snapshot_invoice(tx, id, now);
  record_consequences(tx, by, *current, to, now);
  return get(tx, id);
}

}  // namespace bulwark::domain::invoices
