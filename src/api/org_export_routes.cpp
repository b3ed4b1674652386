#include "api/org_export_routes.hpp"

#include "api/endpoint.hpp"
#include "domain/privacy/org_export_requests.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

namespace {

namespace privacy = domain::privacy;
using http::Method;
using security::Permission;
using store::OrgTx;

// The route's permission admits owners and admins (users_manage); the whole
// data set, every customer's included, is the owner's alone.
Expected<void, ApiError> owner_only(const Ctx& ctx) {
  if (ctx.who().role == security::Role::owner) return {};
  return unexpected(ApiError(ErrorCode::forbidden,
                             "only the organization's owner can export all of its data",
                             "owner_only"));
}

Result<Accepted<privacy::OrgExportView>> start_export(Ctx& ctx) {
  if (auto ok = owner_only(ctx); !ok) return unexpected(std::move(ok.error()));
  return accepted(in_org(
      ctx, [&](OrgTx& tx) { return privacy::request_org_export(tx, ctx.actor(), ctx.now_ms()); }));
}

Result<privacy::OrgExportView> export_status(Ctx& ctx, PathId id) {
  if (auto ok = owner_only(ctx); !ok) return unexpected(std::move(ok.error()));
  return read_org(ctx, [&](OrgTx& tx) { return privacy::org_export_status(tx, id, ctx.now_ms()); });
}

Result<http::Response> download_export(Ctx& ctx, PathId id) {
  if (auto ok = owner_only(ctx); !ok) return unexpected(std::move(ok.error()));
  // In a transaction: the download's audit entry is written with it.
  auto file = in_org(ctx, [&](OrgTx& tx) {
    return privacy::download_org_export(tx, ctx.actor(), id, ctx.now_ms());
  });
  if (!file) {
    if (file.error().reason != privacy::kExportExpired) return unexpected(std::move(file.error()));
    // 410 Gone: there was a link and it is over (ErrorCode has no 410). The
    // sealed bytes go now (the failed download's transaction rolled back).
    in_org(ctx, [&](OrgTx& tx) { privacy::drop_expired_org_exports(tx, ctx.now_ms()); });
    auto res = error_response(file.error(), ctx.request.request_id);
    res.status = 410;
    return res;
  }
  http::Response res;
  res.headers.set("Content-Type", "application/zip");
  res.headers.set("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(file->zip);
  return res;
}

void row(http::Router& r, Method m, const char* pattern, http::Effect effect, http::Csrf csrf,
         std::string_view scope, http::Endpoint handler, const char* summary) {
  r.add({.method = m,
         .pattern = pattern,
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(Permission::users_manage),
         .rate = http::RateClass::standard,
         .effect = effect,
         .csrf = csrf,
         .execution = http::Execution::pool,
         .handler = std::move(handler),
         .summary = summary,
         .scope = scope});
}

}  // namespace

void add_org_export_routes(http::Router& r) {
  row(r, Method::post, "/api/v1/org/export", http::Effect::changes_state, http::Csrf::session_token,
      "privacy:write", endpoint<start_export>(),
      "Export all of the organization's data (owner only): 202 with the export's id; built by "
      "the jobs worker");
  row(r, Method::get, "/api/v1/org/export/{id:int}", http::Effect::read_only,
      http::Csrf::not_applicable, "privacy:read", endpoint<export_status>(),
      "An export's progress and, once ready, its download link (valid 24 hours)");
  row(r, Method::get, "/api/v1/org/export/{id:int}/download", http::Effect::read_only,
      http::Csrf::not_applicable, "privacy:read", endpoint<download_export>(),
      "The export's ZIP (JSON Lines per table, attachments); 410 after 24 hours; audited");
}

}  // namespace bulwark::api
