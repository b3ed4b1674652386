#pragma once
// Invoices made from a completed work order (labour from its time entries at
// the org's rate, plus its parts), in integer cents; and the owners'
// business metrics. Technicians never reach either (no invoices.manage,
// no metrics.read). The rules live in domain/invoices/service.cpp.
#include "api/endpoint.hpp"
#include "domain/invoices/model.hpp"

namespace bulwark::api {

namespace invoices = domain::invoices;

Result<Created<invoices::InvoiceView>> create_invoice(Ctx& ctx, PathId work_order);
Result<Page<invoices::InvoiceSummary>> list_invoices(Ctx& ctx);
Result<invoices::InvoiceView> get_invoice(Ctx& ctx, PathId id);
Result<invoices::InvoiceView> set_invoice_status(Ctx& ctx, PathId id,
                                                 LateBody<invoices::StatusChange> in);
Result<invoices::BusinessMetrics> business_metrics(Ctx& ctx);

}  // namespace bulwark::api
