#pragma once
// POST /api/v1/invoices/{id}/send (issue 14 items 2 and 3): opens a draft,
// issues the customer's invoice link and emails the invoice PDF and/or
// texts the link. The office (invoices.manage) only; technicians never.
// The rules live in domain/invoices/send.cpp.
#include "api/endpoint.hpp"
#include "domain/invoices/send.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::invoices::InvoiceSent> send_invoice(Ctx& ctx, PathId id,
                                                   LateBody<domain::invoices::InvoiceSend> in);

// Its route row; added by api::build_router().
void add_invoice_send_routes(http::Router& r);

}  // namespace bulwark::api
