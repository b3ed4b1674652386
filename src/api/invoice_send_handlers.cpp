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

void add_invoice_send_routes(http::Router& r) {
  // Like the status change it includes: a session or an invoices:write token,
  // CSRF on cookie sessions, the standard rate.
  r.add({.method = http::Method::post,
         .pattern = "/api/v1/invoices/{id:int}/send",
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(security::Permission::invoices_manage),
         .rate = http::RateClass::standard,
         .effect = http::Effect::changes_state,
         .csrf = http::Csrf::session_token,
         .execution = http::Execution::pool,
         .handler = endpoint<send_invoice>(),
         .summary = "Send an invoice: open a draft, email the PDF with a payment link and/or "
                    "text the link",
         .scope = "invoices:write"});
}

}  // namespace bulwark::api
