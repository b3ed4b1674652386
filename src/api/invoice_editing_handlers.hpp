#pragma once
// Draft invoice editing, payments recorded by hand, accounts receivable and
// the organization's tax rates (issue 14 item 2). The rules live in
// domain/invoices/editing.cpp, manual_payments.cpp, receivables.cpp and
// domain/tax_rates/.
#include "api/endpoint.hpp"
#include "domain/invoices/editing_model.hpp"
#include "domain/invoices/model.hpp"
#include "domain/invoices/receivables.hpp"
#include "domain/tax_rates/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace inv = domain::invoices;
namespace tax = domain::tax_rates;

using LineId = PathInt<"line">;

Result<inv::InvoiceView> edit_invoice(Ctx& ctx, PathId id, LateBody<inv::InvoiceChange> in);
Result<Created<inv::InvoiceView>> add_invoice_line(Ctx& ctx, PathId id,
                                                   LateBody<inv::NewInvoiceLine> in);
Result<inv::InvoiceView> change_invoice_line(Ctx& ctx, PathId id, LineId line,
                                             LateBody<inv::InvoiceLineChange> in);
Result<inv::InvoiceView> remove_invoice_line(Ctx& ctx, PathId id, LineId line,
                                             LateBody<inv::InvoiceLineRemoval> in);
Result<Created<inv::InvoiceView>> record_invoice_payment(Ctx& ctx, PathId id,
                                                         LateBody<inv::ManualPayment> in);
Result<inv::Receivables> list_receivables(Ctx& ctx);
Result<Items<tax::TaxRateView>> list_tax_rates(Ctx& ctx);
Result<Created<tax::TaxRateView>> create_tax_rate(Ctx& ctx, LateBody<tax::NewTaxRate> in);
Result<tax::TaxRateView> update_tax_rate(Ctx& ctx, PathId id, LateBody<tax::TaxRateChange> in);

// Their route rows; added by api::build_router().
void add_invoice_editing_routes(http::Router& r);

}  // namespace bulwark::api
