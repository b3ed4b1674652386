#include "api/privacy_handlers.hpp"

#include "config/config.hpp"
#include "domain/privacy/service.hpp"
#include "privacy/erasure_ledger.hpp"

namespace bulwark::api {

namespace privacy = domain::privacy;
using store::OrgTx;

namespace {

store::BlobStore blobs(const Ctx& ctx) { return store::BlobStore(ctx.services.config.data_dir); }

}  // namespace

Result<http::Response> export_customer(Ctx& ctx, PathId id) {
  // In a transaction: the export's audit entry is written with it.
  auto file = in_org(ctx, [&](OrgTx& tx) {
    return privacy::export_customer(tx, blobs(ctx), ctx.actor(), id, ctx.now_ms());
  });
  if (!file) return unexpected(std::move(file.error()));
  http::Response res;
  res.headers.set("Content-Type", "application/zip");
  res.headers.set("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(file->zip);
  return res;
}

Result<privacy::EraseCounts> erase_customer(Ctx& ctx, PathId id,
                                            LateBody<privacy::EraseRequest> in) {
  const auto ledger = ::bulwark::privacy::ledger_dir(ctx.services.config.data_dir);
  return in_org(ctx, [&](OrgTx& tx) {
    return privacy::erase_customer(tx, blobs(ctx), ledger, ctx.actor(), id, in.checked(),
                                   ctx.now_ms());
  });
}

}  // namespace bulwark::api
