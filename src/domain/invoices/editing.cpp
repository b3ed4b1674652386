#include "domain/invoices/editing.hpp"

#include "core/try.hpp"
#include "domain/checkout_sessions.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/price_book/service.hpp"
#include "domain/tax_rates/service.hpp"
#include "jobs/stripe_jobs.hpp"

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

// The edit's version check and its marks, in one statement.
constexpr OrgSql kTouch(
    "UPDATE invoices SET version = version + 1, edited = 1, updated_at = $4 "
    "WHERE org_id = $1 AND id = $2 AND version = $3 AND status = 'draft'");
constexpr OrgSql kSetTotal("UPDATE invoices SET total_cents = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kEdit(
    "UPDATE invoices SET discount_cents = COALESCE($3, discount_cents), "
    "discount_bp = COALESCE($4, discount_bp), "
    "notes = CASE WHEN CAST($5 AS BIGINT) = 1 THEN CAST($6 AS TEXT) ELSE notes END, "
    "terms = CASE WHEN CAST($7 AS BIGINT) = 1 THEN CAST($8 AS TEXT) ELSE terms END, "
    "due_on = CASE WHEN CAST($9 AS BIGINT) = 1 THEN CAST($10 AS TEXT) ELSE due_on END, "
    "row_key = COALESCE(row_key, CAST($11 AS TEXT)) WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsertLine(
    "INSERT INTO invoice_lines (org_id, invoice_id, description, quantity, unit, unit_cents, "
    "amount_cents, price_item_id, tax_rate_id, tax_name, tax_rate_bp) VALUES ($1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11)");
constexpr OrgSql kUpdateLine(
    "UPDATE invoice_lines SET description = $4, quantity = $5, unit = $6, unit_cents = $7, "
    "amount_cents = $8, tax_rate_id = $9, tax_name = $10, tax_rate_bp = $11 "
    "WHERE org_id = $1 AND invoice_id = $2 AND id = $3");
constexpr OrgSql kDeleteLine(
    "DELETE FROM invoice_lines WHERE org_id = $1 AND invoice_id = $2 AND id = $3");

ApiError no_such_invoice() { return ApiError(ErrorCode::not_found, "no such invoice"); }

ApiError unknown(const char* field, const char* what) {
  return ApiError(ErrorCode::unprocessable, std::string("no such ") + what, "invalid_reference",
                  {{field, std::string("is not a ") + what + " of this organization"}});
}

// Existence (404), then the body (4xx), then the status (409
// invoice_not_draft), then the version (409 version_conflict).
template <class T>
Outcome<InvoiceRow> editable(store::OrgTx& tx, std::int64_t id, const Checked<T>& in,
                             std::int64_t now) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_invoice());
  if (!in) return unexpected(in.error());
  if (row->status != "draft")
    return unexpected(ApiError(ErrorCode::conflict,
                               "only a draft invoice can be edited; this one is " + row->status,
                               "invoice_not_draft"));
  BULWARK_TRY_VOID(tx.update_versioned(kTouch, "invoice", id, (*in)->value.version.value, now));
  return std::move(*row);
}

// The rate a line takes: the one chosen, or none.
struct LineTax {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  std::int64_t rate_bp = 0;
};
Outcome<LineTax> tax_of(store::OrgTx& tx, std::optional<std::int64_t> id) {
  if (!id) return LineTax{};
  const auto rate = tax_rates::find_active(tx, *id);
  if (!rate) return unexpected(unknown("tax_rate_id", "tax rate"));
  return LineTax{rate->id, rate->name, rate->rate_bp};
}

Outcome<InvoiceView> finish(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                            const char* action, std::vector<std::string> fields) {
  const auto row = repo::find(tx, id);
  const auto t = totals_of(repo::lines(tx, id), row->discount_cents, row->discount_bp);
  tx.run(kSetTotal, id, t.total_cents);
  expire_payment_links(tx, id);
  by.record(tx.connection(), action, "invoice", id, std::move(fields));
  return get(tx, id);
}

const InvoiceLineView* line_of(const std::vector<InvoiceLineView>& lines, std::int64_t line) {
  for (const auto& l : lines)
    if (l.id == line) return &l;
  return nullptr;
}

}  // namespace

Totals totals_of(const std::vector<InvoiceLineView>& lines, std::int64_t discount_cents,
                 std::int64_t discount_bp) {
  std::vector<TotalsLine> in;
  in.reserve(lines.size());
  for (const auto& l : lines)
    in.push_back({l.amount_cents, l.tax_name.value_or(""), l.tax_rate_bp});
  return compute_totals(in, discount_cents, discount_bp);
}

void expire_payment_links(store::OrgTx& tx, std::int64_t id) {
  for (const auto& session : active_checkout_sessions(tx, id))
    jobs::enqueue_session_expiry(tx.connection(), tx.org_id(), id, session);
  forget_legacy_payment_link(tx, id);
}

Outcome<InvoiceView> edit(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                          const Checked<InvoiceChange>& in, std::int64_t now) {
  if (in && (*in)->value.discount_cents && (*in)->value.discount_bp)
    return unexpected(ApiError(ErrorCode::validation_failed, "send one kind of discount",
                               "invalid_body",
                               {{"discount_bp", "send discount_cents or discount_bp, not both"}}));
  BULWARK_TRY(const auto row, editable(tx, id, in, now));
  const auto& c = (*in)->value;
  // One kind of discount at a time: setting one clears the other.
  std::optional<std::int64_t> cents, bp;
  if (c.discount_cents) {
    cents = c.discount_cents->value;
    bp = 0;
  }
  if (c.discount_bp) {
    bp = c.discount_bp->value;
    cents = 0;
  }
  const auto key = row.row_key.value_or(tx.new_row_key());
  std::optional<std::string> notes, terms, due_on;
  if (c.notes.is_set() && !c.notes.value().value.empty())
    notes = tx.seal("invoices", "notes", key, c.notes.value().value);
  if (c.terms.is_set() && !c.terms.value().value.empty()) terms = c.terms.value().value;
  if (c.due_on.is_set()) due_on = c.due_on.value().value;
  const auto changed = [](const auto& p) -> std::int64_t { return p.absent() ? 0 : 1; };
  tx.run(kEdit, id, cents, bp, changed(c.notes), notes, changed(c.terms), terms, changed(c.due_on),
         due_on, key);
  return finish(tx, by, id, "invoice.edited", (*in)->present);
}

Outcome<InvoiceView> add_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              const Checked<NewInvoiceLine>& in, std::int64_t now) {
  if (!repo::find(tx, id)) return unexpected(no_such_invoice());
  if (!in) return unexpected(in.error());
  const auto& l = (*in)->value;
  std::string description;
  std::optional<std::string> unit;
  std::optional<std::int64_t> unit_cents, item_id, rate_id;
  if (l.price_item_id) {
    auto item = price_book::for_line_item(tx, l.price_item_id->value);
    if (!item) {
      if (item.error().code == ErrorCode::not_found)
        return unexpected(unknown("price_item_id", "price book item"));
      return unexpected(item.error());
    }
    description = item->name;
    unit = item->unit;
    unit_cents = item->unit_price_cents;
    item_id = item->id;
    if (item->tax_class)
      if (const auto rate = tax_rates::for_tax_class(tx, *item->tax_class)) rate_id = rate->id;
  }
  if (l.description) description = l.description->value;
  if (l.unit) unit = l.unit->value;
  if (l.unit_cents) unit_cents = l.unit_cents->value;
  if (l.tax_rate_id) rate_id = l.tax_rate_id->value;
  if (description.empty() || !unit_cents)
    return unexpected(ApiError(ErrorCode::validation_failed,
                               "a line needs a description and a unit price", "invalid_body",
                               {{description.empty() ? "description" : "unit_cents",
                                 "is required unless price_item_id is given"}}));
  BULWARK_TRY(const auto tax, tax_of(tx, rate_id));
  BULWARK_TRY_VOID(editable(tx, id, in, now));
  tx.run(kInsertLine, id, description, l.quantity.value, unit, *unit_cents,
         line_cents(l.quantity.value, *unit_cents), item_id, tax.id, tax.name, tax.rate_bp);
  return finish(tx, by, id, "invoice.line_added", (*in)->present);
}

Outcome<InvoiceView> change_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                 std::int64_t line, const Checked<InvoiceLineChange>& in,
                                 std::int64_t now) {
  if (!repo::find(tx, id)) return unexpected(no_such_invoice());
  const auto lines = repo::lines(tx, id);
  const auto* current = line_of(lines, line);
  if (!current) return unexpected(ApiError(ErrorCode::not_found, "no such invoice line"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  auto next = *current;
  if (c.description) next.description = c.description->value;
  if (c.quantity) next.quantity = c.quantity->value;
  if (c.unit) next.unit = c.unit->value;
  if (c.unit_cents) next.unit_cents = c.unit_cents->value;
  if (c.tax_rate_id.cleared()) {
    next.tax_rate_id.reset();
    next.tax_name.reset();
    next.tax_rate_bp = 0;
  } else if (c.tax_rate_id.is_set()) {
    BULWARK_TRY(const auto tax, tax_of(tx, c.tax_rate_id.value().value));
    next.tax_rate_id = tax.id;
    next.tax_name = tax.name;
    next.tax_rate_bp = tax.rate_bp;
  }
  next.amount_cents = line_cents(next.quantity, next.unit_cents);
  BULWARK_TRY_VOID(editable(tx, id, in, now));
  tx.run(kUpdateLine, id, line, next.description, next.quantity, next.unit, next.unit_cents,
         next.amount_cents, next.tax_rate_id, next.tax_name, next.tax_rate_bp);
  return finish(tx, by, id, "invoice.line_changed", (*in)->present);
}

Outcome<InvoiceView> remove_line(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                 std::int64_t line, const Checked<InvoiceLineRemoval>& in,
                                 std::int64_t now) {
  if (!repo::find(tx, id)) return unexpected(no_such_invoice());
  if (!line_of(repo::lines(tx, id), line))
    return unexpected(ApiError(ErrorCode::not_found, "no such invoice line"));
  BULWARK_TRY_VOID(editable(tx, id, in, now));
  tx.run(kDeleteLine, id, line);
  return finish(tx, by, id, "invoice.line_removed", {"lines"});
}

}  // namespace bulwark::domain::invoices
