#include "api/org_logo_handlers.hpp"

#include "api/query_params.hpp"
#include "api/session_route.hpp"
#include "api/upload_form.hpp"
#include "config/config.hpp"
#include "domain/attachments/inspect.hpp"
#include "domain/org/logo.hpp"
#include "domain/org/service.hpp"
#include "files/image.hpp"
#include "http/multipart.hpp"
#include "security/permissions.hpp"
#include "security/roles.hpp"

namespace bulwark::api {

namespace att = domain::attachments;
using store::OrgTx;

namespace {

ApiError not_an_image() {
  return ApiError(ErrorCode::unsupported_media_type,
                  "the logo must be a PNG, JPEG, WebP or HEIC image", "unsupported_type");
}

// The form: exactly one part, `file`.
Expected<att::Upload, ApiError> read_logo_form(const http::FormData& form) {
  for (const auto& part : form.parts)
    if (part.name != "file")
      return unexpected(
          ApiError(ErrorCode::bad_request, "unknown form field " + part.name, "unknown_field"));
  const http::FormPart* file = form.find("file");
  if (!file || !file->filename)
    return unexpected(ApiError(ErrorCode::validation_failed, "a file is required",
                               "validation_failed", {{"file", "is required"}}));
  return att::Upload{file->filename, file->body, {}};
}

}  // namespace

Result<domain::org::OrgSettings> upload_org_logo(Ctx& ctx) {
  auto form = read_upload_form(ctx.request, "the logo");
  if (!form) return unexpected(std::move(form.error()));
  auto upload = read_logo_form(*form);
  if (!upload) return unexpected(std::move(upload.error()));
  const auto& c = ctx.services.config;
  auto checked = att::inspect(*upload, {c.max_upload_bytes, {c.clamd_socket, c.clamd_address}});
  if (!checked) {
    if (checked.error().malware)
      in_org(ctx, [&](OrgTx& tx) {
        auto entry =
            ctx.actor().entry("org.logo_malware_detected", "org", std::to_string(tx.org_id()));
        entry.outcome = "denied";
        audit::append(tx.connection(), entry);
      });
    return unexpected(std::move(checked.error().error));
  }
  // A PDF passes the attachment checks; a logo is a picture.
  if (!checked->thumbnail) return unexpected(not_an_image());
  auto png = files::logo_png(checked->data);
  if (!png) return unexpected(not_an_image());
  const bool prices = security::role_has(ctx.who().role, security::Permission::invoices_manage);
  return in_org(ctx, [&](OrgTx& tx) {
    domain::org::set_logo(tx, ctx.actor(), *png, ctx.now_ms());
    return domain::org::settings(tx, prices);
  });
}

Result<NoContent> remove_org_logo(Ctx& ctx) {
  return no_content(in_org(ctx, [&](OrgTx& tx) -> Expected<void, ApiError> {
    if (!domain::org::remove_logo(tx, ctx.actor()))
      return unexpected(ApiError(ErrorCode::not_found, "the organization has no logo", "no_logo"));
    return {};
  }));
}

Result<http::Response> get_org_logo(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"v"});  // the version settings' logo_url carries
  auto png = read_org(ctx, [&](OrgTx& tx) -> Expected<std::string, ApiError> {
    auto bytes = domain::org::logo(tx);
    if (!bytes)
      return unexpected(ApiError(ErrorCode::not_found, "the organization has no logo", "no_logo"));
    return std::move(*bytes);
  });
  if (!png) return unexpected(std::move(png.error()));
  http::Response res;
  res.headers.set("Content-Type", "image/png");
  res.headers.set("Content-Security-Policy", "sandbox");
  // Each logo has its own URL (?v=), so a day in the browser's cache is safe.
  res.headers.set("Cache-Control", "private, max-age=86400");
  res.body = std::move(*png);
  return res;
}

void add_org_logo_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  add_session_route(r, Method::get, "/api/v1/org/logo", Permission::work_orders_read, "org:read",
                    endpoint<get_org_logo>(), "The logo on the organization's documents (PNG)");
  add_session_route(r, Method::put, "/api/v1/org/logo", Permission::settings_manage,
                    "settings:write", endpoint<upload_org_logo>(),
                    "Upload the logo for invoices and reports (multipart/form-data: file; "
                    "PNG, JPEG, WebP or HEIC; SVG is refused)",
                    http::BodyLimit::upload);
  add_session_route(r, Method::del, "/api/v1/org/logo", Permission::settings_manage,
                    "settings:write", endpoint<remove_org_logo>(),
                    "Remove the logo from the organization's documents");
}

}  // namespace bulwark::api
