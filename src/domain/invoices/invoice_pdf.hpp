#pragma once
// The invoice as a PDF the office sends (GET /api/v1/invoices/{id}/pdf):
// the organization, the invoice's number and dates in the organization's
// zone, the buyer (the frozen billing snapshot once the invoice is open,
// else the customer as now), the lines and the money in integer cents.
#include <cstdint>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "render/document.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

// 404 for another organization's invoice. Page size: Letter or A4 by the
// organization's time zone (render::page_size_for_time_zone).
Expected<render::PdfFile, ApiError> invoice_pdf(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::invoices
