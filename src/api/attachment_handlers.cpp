#include "api/attachment_handlers.hpp"

#include "api/upload_form.hpp"
#include "api/work_order_handlers.hpp"
#include "config/config.hpp"
#include "core/utf8.hpp"
#include "domain/attachments/service.hpp"
#include "http/multipart.hpp"

namespace bulwark::api {

namespace att = domain::attachments;
using store::OrgTx;

namespace {

store::BlobStore blobs(const Ctx& ctx) { return store::BlobStore(ctx.services.config.data_dir); }

att::Limits limits(const Ctx& ctx) {
  const auto& c = ctx.services.config;
  return {c.max_upload_bytes, {c.clamd_socket, c.clamd_address}};
}

ApiError form_error(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::bad_request, message, std::move(reason));
}

// The form: `file` (required) and `caption` (optional, up to 500 characters).
Expected<att::Upload, ApiError> read_form(const http::FormData& form) {
  for (const auto& part : form.parts)
    if (part.name != "file" && part.name != "caption")
      return unexpected(form_error("unknown form field " + part.name, "unknown_field"));
  const http::FormPart* file = form.find("file");
  if (!file || !file->filename)
    return unexpected(ApiError(ErrorCode::validation_failed, "a file is required",
                               "validation_failed", {{"file", "is required"}}));
  att::Upload upload{file->filename, file->body, {}};
  if (const http::FormPart* caption = form.find("caption")) {
    if (caption->body.size() > 2000 || !is_valid_utf8(caption->body))
      return unexpected(ApiError(ErrorCode::validation_failed, "the caption is not valid",
                                 "validation_failed",
                                 {{"caption", "must be UTF-8 text of at most 500 characters"}}));
    upload.caption = std::string(caption->body);
  }
  return upload;
}

Result<Created<AttachmentView>> upload(Ctx& ctx, const att::Owner& owner) {
  const auto by = wo_caller(ctx);
  // Another organization's object is a 404 whatever the body holds.
  auto visible = read_org(ctx, [&](OrgTx& tx) { return att::check_owner(tx, by, owner); });
  if (!visible) return unexpected(std::move(visible.error()));
  auto form = read_upload_form(ctx.request, "the file");
  if (!form) return unexpected(std::move(form.error()));
  auto input = read_form(*form);
  if (!input) return unexpected(std::move(input.error()));
  auto checked = att::inspect(*input, limits(ctx));
  if (!checked) {
    if (checked.error().malware)
      in_org(ctx, [&](OrgTx& tx) { att::record_malware(tx, by, owner); });
    return unexpected(std::move(checked.error().error));
  }
  return created(in_org(
      ctx, [&](OrgTx& tx) { return att::add(tx, blobs(ctx), by, owner, *checked, ctx.now_ms()); }));
}

// RFC 6266 filename parameter: ASCII only here (the name is display text and
// was sanitised when stored), quotes and backslashes already gone.
std::string disposition(bool inline_ok, const std::string& name) {
  std::string ascii;
  for (char c : name) ascii += (static_cast<unsigned char>(c) < 128) ? c : '_';
  if (ascii.empty()) ascii = "file";
  return std::string(inline_ok ? "inline" : "attachment") + "; filename=\"" + ascii + "\"";
}

Result<http::Response> download(Ctx& ctx, std::int64_t id, bool thumbnail) {
  auto content = read_org(
      ctx, [&](OrgTx& tx) { return att::content(tx, blobs(ctx), wo_caller(ctx), id, thumbnail); });
  if (!content) return unexpected(std::move(content.error()));
  http::Response res;
  res.headers.set("Content-Type", content->mime);
  // Images inline only as our own re-encoded output; anything else downloads.
  // X-Content-Type-Options: nosniff comes with every response (app/security_headers.cpp).
  res.headers.set("Content-Disposition", disposition(content->inline_ok, content->original_name));
  res.headers.set("Content-Security-Policy", "sandbox");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(content->data);
  return res;
}

}  // namespace

Result<Created<AttachmentView>> upload_work_order_attachment(Ctx& ctx, PathId id) {
  return upload(ctx, {"work_order", id});
}
Result<Created<AttachmentView>> upload_asset_attachment(Ctx& ctx, PathId id) {
  return upload(ctx, {"asset", id});
}

Result<Items<AttachmentView>> list_work_order_attachments(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) {
    return att::list(tx, wo_caller(ctx), {"work_order", id});
  });
}
Result<Items<AttachmentView>> list_asset_attachments(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return att::list(tx, wo_caller(ctx), {"asset", id}); });
}

Result<http::Response> attachment_content(Ctx& ctx, PathId id) { return download(ctx, id, false); }
Result<http::Response> attachment_thumbnail(Ctx& ctx, PathId id) { return download(ctx, id, true); }

Result<NoContent> delete_attachment(Ctx& ctx, PathId id) {
  return no_content(
      in_org(ctx, [&](OrgTx& tx) { return att::remove(tx, blobs(ctx), wo_caller(ctx), id); }));
}

}  // namespace bulwark::api
