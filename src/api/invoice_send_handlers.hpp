#pragma once
// POST /api/v1/invoices/{id}/send (issue 14 items 2 and 3): opens a draft,
// issues the customer's invoice link and emails the invoice PDF and/or
// texts the link. The office (invoices.manage) only; technicians never.
// The rules live in domain/invoices/send.cpp.
#include "api/endpoint.hpp"
#include "domain/invoices/email_settings.hpp"
#include "domain/invoices/send.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::invoices::InvoiceSent> send_invoice(Ctx& ctx, PathId id,
                                                   LateBody<domain::invoices::InvoiceSend> in);

// GET / PUT /api/v1/org/invoice-email: the email's subject and body
// template; owners and admins (settings.manage).
Result<domain::invoices::InvoiceEmailTemplate> get_invoice_email(Ctx& ctx);
Result<domain::invoices::InvoiceEmailTemplate> set_invoice_email(
    Ctx& ctx, LateBody<domain::invoices::InvoiceEmailTemplateChange> in);

// Its route rows; added by api::build_router().
void add_invoice_send_routes(http::Router& r);

}  // namespace bulwark::api
