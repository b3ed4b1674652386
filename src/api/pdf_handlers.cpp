#include "api/pdf_handlers.hpp"

#include "api/work_order_handlers.hpp"
#include "config/config.hpp"
#include "domain/invoices/invoice_pdf.hpp"
#include "domain/work_orders/report_pdf.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

// The file names are ours ("invoice-1042.pdf"): ASCII with no quotes.
Result<http::Response> pdf_response(Expected<render::PdfFile, ApiError> file) {
  if (!file) return unexpected(std::move(file.error()));
  http::Response res;
  res.headers.set("Content-Type", "application/pdf");
  res.headers.set("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
  // Customer names and money: no shared or browser cache keeps a copy.
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(file->bytes);
  return res;
}

}  // namespace

Result<http::Response> invoice_pdf(Ctx& ctx, PathId id) {
  return pdf_response(
      read_org(ctx, [&](OrgTx& tx) { return domain::invoices::invoice_pdf(tx, id); }));
}

Result<http::Response> work_order_report_pdf(Ctx& ctx, PathId id) {
  const store::BlobStore blobs(ctx.services.config.data_dir);
  return pdf_response(read_org(ctx, [&](OrgTx& tx) {
    return domain::work_orders::pump_out_report(tx, blobs, wo_caller(ctx), id);
  }));
}

}  // namespace bulwark::api
