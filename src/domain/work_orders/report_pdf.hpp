#pragma once
// The pump-out report (GET /api/v1/work-orders/{id}/report.pdf): a completed
// work order as the county inspector and the customer want it: customer,
// site, when it was completed and by whom (organization's zone), the
// checklist with its values and units, notes, photos and the signature as
// thumbnails, and the completion record's SHA-256 as "Record fingerprint".
#include <cstdint>

#include "domain/work_orders/service.hpp"
#include "render/document.hpp"
#include "store/blob_store.hpp"

namespace bulwark::domain::work_orders {

// 404 for another organization's work order or, for a technician, one not
// assigned to them; 409 work_order_not_completed before completion.
Outcome<render::PdfFile> pump_out_report(store::OrgTx& tx, const store::BlobStore& blobs,
                                         const Caller& by, std::int64_t wo);

}  // namespace bulwark::domain::work_orders
