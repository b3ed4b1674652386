#include "api/invoice_editing_handlers.hpp"

#include "api/query_params.hpp"
#include "api/session_route.hpp"
#include "domain/invoices/editing.hpp"
#include "domain/invoices/manual_payments.hpp"
#include "domain/invoices/receivables_csv.hpp"
#include "domain/tax_rates/service.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<inv::InvoiceView> edit_invoice(Ctx& ctx, PathId id, LateBody<inv::InvoiceChange> in) {
  return in_org(
      ctx, [&](OrgTx& tx) { return inv::edit(tx, ctx.actor(), id, in.checked(), ctx.now_ms()); });
}

Result<Created<inv::InvoiceView>> add_invoice_line(Ctx& ctx, PathId id,
                                                   LateBody<inv::NewInvoiceLine> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return inv::add_line(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  }));
}

Result<inv::InvoiceView> change_invoice_line(Ctx& ctx, PathId id, LineId line,
                                             LateBody<inv::InvoiceLineChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return inv::change_line(tx, ctx.actor(), id, line, in.checked(), ctx.now_ms());
  });
}

Result<inv::InvoiceView> remove_invoice_line(Ctx& ctx, PathId id, LineId line,
                                             LateBody<inv::InvoiceLineRemoval> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return inv::remove_line(tx, ctx.actor(), id, line, in.checked(), ctx.now_ms());
  });
}

Result<Created<inv::InvoiceView>> record_invoice_payment(Ctx& ctx, PathId id,
                                                         LateBody<inv::ManualPayment> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return inv::record_manual_payment(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  }));
}

Result<inv::Receivables> list_receivables(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"limit", "cursor"});
  inv::ReceivablesQuery query;
  query.limit = q.integer("limit", 1, 200).value_or(50);
  query.after_id = q.integer("cursor", 1, INT64_MAX);
  return read_org(ctx, [&](OrgTx& tx) { return inv::receivables(tx, query, ctx.now_ms()); });
}

// A download, not a page: every open invoice (core/csv.hpp guards the cells).
Result<http::Response> receivables_csv(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({});
  // In a transaction: the download's audit entry is written with it.
  auto file =
      in_org(ctx, [&](OrgTx& tx) { return inv::receivables_csv(tx, ctx.actor(), ctx.now_ms()); });
  if (!file) return unexpected(std::move(file.error()));
  http::Response res;
  res.headers.set("Content-Type", "text/csv; charset=utf-8");
  res.headers.set("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(file->bytes);
  return res;
}

Result<Items<tax::TaxRateView>> list_tax_rates(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return tax::list(tx); });
}

Result<Created<tax::TaxRateView>> create_tax_rate(Ctx& ctx, LateBody<tax::NewTaxRate> in) {
  return created(in_org(
      ctx, [&](OrgTx& tx) { return tax::create(tx, ctx.actor(), in.checked(), ctx.now_ms()); }));
}

Result<tax::TaxRateView> update_tax_rate(Ctx& ctx, PathId id, LateBody<tax::TaxRateChange> in) {
  return in_org(
      ctx, [&](OrgTx& tx) { return tax::change(tx, ctx.actor(), id, in.checked(), ctx.now_ms()); });
}

void add_invoice_editing_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  // The office bills (invoices.manage: owner, admin, dispatcher); owners
  // and admins keep the tax rates with the other organization settings.
  const auto office = Permission::invoices_manage;
  const auto settings = Permission::settings_manage;
  add_session_route(
      r, Method::patch, "/api/v1/invoices/{id:int}", office, "invoices:write",
      endpoint<edit_invoice>(),
      "Edit a draft invoice: discount (cents or basis points), notes, terms, due date");
  add_session_route(r, Method::post, "/api/v1/invoices/{id:int}/lines", office, "invoices:write",
                    endpoint<add_invoice_line>(),
                    "Add a line to a draft invoice (typed, or from the price book)");
  add_session_route(r, Method::patch, "/api/v1/invoices/{id:int}/lines/{line:int}", office,
                    "invoices:write", endpoint<change_invoice_line>(),
                    "Change a draft invoice's line (send the invoice's version)");
  add_session_route(r, Method::del, "/api/v1/invoices/{id:int}/lines/{line:int}", office,
                    "invoices:write", endpoint<remove_invoice_line>(),
                    "Remove a draft invoice's line (send the invoice's version)");
  add_session_route(r, Method::post, "/api/v1/invoices/{id:int}/payments", office, "invoices:write",
                    endpoint<record_invoice_payment>(),
                    "Record a payment received by hand: cash, check or card outside Stripe");
  add_session_route(
      r, Method::get, "/api/v1/receivables", office, "invoices:read", endpoint<list_receivables>(),
      "Accounts receivable: open invoices with a balance, days past due and aging buckets");
  add_session_route(r, Method::get, "/api/v1/receivables.csv", office, "invoices:read",
                    endpoint<receivables_csv>(),
                    "Accounts receivable as a CSV file for a spreadsheet (audited)");
  add_session_route(r, Method::get, "/api/v1/tax-rates", office, "invoices:read",
                    endpoint<list_tax_rates>(), "The organization's tax rates");
  add_session_route(r, Method::post, "/api/v1/tax-rates", settings, "settings:write",
                    endpoint<create_tax_rate>(),
                    "Add a tax rate (name, basis points, price book tax class)");
  add_session_route(r, Method::patch, "/api/v1/tax-rates/{id:int}", settings, "settings:write",
                    endpoint<update_tax_rate>(),
                    "Change or retire a tax rate (send the version you read)");
}

}  // namespace bulwark::api
