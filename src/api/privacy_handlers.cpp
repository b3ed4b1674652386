#include "api/privacy_handlers.hpp"

#include "config/config.hpp"
#include "core/try.hpp"
#include "domain/privacy/requests.hpp"
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

Result<Items<privacy::PrivacyRequestView>> list_privacy_requests(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return privacy::list_requests(tx, ctx.now_ms()); });
}

Result<Created<privacy::PrivacyRequestView>> create_privacy_request(
    Ctx& ctx, Body<privacy::NewPrivacyRequest> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return privacy::create_request(tx, ctx.actor(), in.value, ctx.now_ms());
  }));
}

Result<privacy::PrivacyRequestView> complete_privacy_request(Ctx& ctx, PathId id) {
  return in_org(
      ctx, [&](OrgTx& tx) { return privacy::complete_request(tx, ctx.actor(), id, ctx.now_ms()); });
}

Result<privacy::DoNotSellView> get_do_not_sell(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return privacy::do_not_sell(tx, id); });
}

Result<privacy::DoNotSellView> set_do_not_sell(Ctx& ctx, PathId id,
                                               LateBody<privacy::DoNotSellChange> in) {
  return in_org(ctx, [&](OrgTx& tx) -> Expected<privacy::DoNotSellView, ApiError> {
    BULWARK_TRY_VOID(privacy::do_not_sell(tx, id));
    const auto body = in.checked();
    if (!body) return unexpected(body.error());
    return privacy::set_do_not_sell(tx, ctx.actor(), id, (*body)->value, ctx.now_ms());
  });
}

}  // namespace bulwark::api
