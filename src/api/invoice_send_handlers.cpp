#include "api/invoice_send_handlers.hpp"

#include "api/session_route.hpp"
#include "config/config.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

Result<domain::invoices::InvoiceSent> send_invoice(Ctx& ctx, PathId id,
                                                   LateBody<domain::invoices::InvoiceSend> in) {
  return in_org(ctx, [&](store::OrgTx& tx) {
    return domain::invoices::send_invoice(tx, ctx.actor(), id, in.checked(),
                                          ctx.services.config.public_url, ctx.now_ms());
  });
}

Result<domain::invoices::InvoiceEmailTemplate> get_invoice_email(Ctx& ctx) {
  return read_org(ctx, [&](store::OrgTx& tx) {
    return Result<domain::invoices::InvoiceEmailTemplate>(domain::invoices::get_invoice_email(tx));
  });
}

Result<domain::invoices::InvoiceEmailTemplate> set_invoice_email(
    Ctx& ctx, LateBody<domain::invoices::InvoiceEmailTemplateChange> in) {
  return in_org(ctx, [&](store::OrgTx& tx) {
    return domain::invoices::set_invoice_email(tx, ctx.actor(), in.checked());
  });
}

void add_invoice_send_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  // Like the status change it includes: invoices.manage, invoices:write.
  add_session_route(
      r, Method::post, "/api/v1/invoices/{id:int}/send", Permission::invoices_manage,
      "invoices:write", endpoint<send_invoice>(),
      "Send an invoice: open a draft, email the PDF with a payment link and/or text the link");
  add_session_route(r, Method::get, "/api/v1/org/invoice-email", Permission::settings_manage,
                    "settings:read", endpoint<get_invoice_email>(),
                    "The invoice email's subject and body template (placeholders listed)");
  add_session_route(r, Method::put, "/api/v1/org/invoice-email", Permission::settings_manage,
                    "settings:write", endpoint<set_invoice_email>(),
                    "Set the invoice email's subject and body template");
}

}  // namespace bulwark::api
