#pragma once
// Invoices made from a completed work order (labour from its time entries at
// the org's rate, plus its parts), in integer cents; and the owners'
// business metrics. Technicians never reach either (no invoices.manage,
// no metrics.read). The rules live in domain/invoices/service.cpp.
#include "api/endpoint.hpp"
#include "domain/invoices/model.hpp"

namespace bulwark::api {

using domain::invoices::BusinessMetrics;
using domain::invoices::InvoiceSummary;
using domain::invoices::InvoiceView;
using domain::invoices::StatusChange;

Result<Created<InvoiceView>> create_invoice(Ctx& ctx, PathId work_order);
Result<Page<InvoiceSummary>> list_invoices(Ctx& ctx);
Result<InvoiceView> get_invoice(Ctx& ctx, PathId id);
Result<InvoiceView> set_invoice_status(Ctx& ctx, PathId id, LateBody<StatusChange> in);
Result<BusinessMetrics> business_metrics(Ctx& ctx);

}  // namespace bulwark::api
