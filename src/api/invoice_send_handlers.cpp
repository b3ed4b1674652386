#include "api/invoice_send_handlers.hpp"

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

namespace {

// A session or a token with `scope`, CSRF on cookie sessions for changes,
// the standard rate.
void row(http::Router& r, http::Method m, const char* pattern, security::Permission need,
         std::string_view scope, http::Endpoint handler, const char* summary) {
  const bool reads = m == http::Method::get;
  r.add({.method = m,
         .pattern = pattern,
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(need),
         .rate = http::RateClass::standard,
         .effect = reads ? http::Effect::read_only : http::Effect::changes_state,
         .csrf = reads ? http::Csrf::not_applicable : http::Csrf::session_token,
         .execution = http::Execution::pool,
         .handler = std::move(handler),
         .summary = summary,
         .scope = scope});
}

}  // namespace

void add_invoice_send_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  // Like the status change it includes: invoices.manage, invoices:write.
  row(r, Method::post, "/api/v1/invoices/{id:int}/send", Permission::invoices_manage,
      "invoices:write", endpoint<send_invoice>(),
      "Send an invoice: open a draft, email the PDF with a payment link and/or text the link");
  row(r, Method::get, "/api/v1/org/invoice-email", Permission::settings_manage, "settings:read",
      endpoint<get_invoice_email>(),
      "The invoice email's subject and body template (placeholders listed)");
  row(r, Method::put, "/api/v1/org/invoice-email", Permission::settings_manage, "settings:write",
      endpoint<set_invoice_email>(), "Set the invoice email's subject and body template");
}

}  // namespace bulwark::api
