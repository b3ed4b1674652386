#include "api/request_photo_handlers.hpp"

#include <array>
#include <vector>

#include "api/session_route.hpp"
#include "api/upload_form.hpp"
#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "core/try.hpp"
#include "domain/attachments/inspect.hpp"
#include "domain/links/tokens.hpp"
#include "domain/requests/photos.hpp"
#include "domain/requests/public_form.hpp"
#include "http/json_body.hpp"
#include "http/multipart.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

namespace requests = domain::requests;
namespace att = domain::attachments;
using store::OrgTx;

namespace {

constexpr std::array kRequestLinks{domain::links::Purpose::request};

store::BlobStore blobs(const Ctx& ctx) { return store::BlobStore(ctx.services.config.data_dir); }

ApiError bad_form(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::bad_request, message, std::move(reason));
}

// The form: one `request` part (the JSON of POST /api/v1/public/requests)
// and up to kMaxPhotos parts `photo1`, `photo2`, ... (numbered: the
// multipart parser refuses a repeated name). Nothing else.
struct Form {
  requests::NewRequest request;
  std::vector<att::Upload> photos;
};

// photo1 .. photo16 (16: the parser's most parts); a count past
// kMaxPhotos is refused by name below, not as an unknown field.
bool is_photo(std::string_view name) {
  if (!name.starts_with("photo") || name.size() < 6 || name.size() > 7) return false;
  int n = 0;
  for (char c : name.substr(5)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= static_cast<int>(http::kMaxFormParts);
}

Expected<Form, ApiError> read_form(const Ctx& ctx) {
  BULWARK_TRY(const auto form, read_upload_form(ctx.request, "the request and its photos"));
  Form out;
  const http::FormPart* request = nullptr;
  for (const auto& part : form.parts) {
    if (is_photo(part.name)) {
      out.photos.push_back({part.filename, part.body, {}});
    } else if (part.name == "request" && !request) {
      request = &part;
    } else {
      return unexpected(bad_form("unexpected form field " + part.name, "unknown_field"));
    }
  }
  if (!request)
    return unexpected(ApiError(ErrorCode::validation_failed, "the request part is required",
                               "validation_failed", {{"request", "is required"}}));
  if (out.photos.size() > requests::kMaxPhotos)
    return unexpected(
        ApiError(ErrorCode::unprocessable,
                 "at most " + std::to_string(requests::kMaxPhotos) + " photos go with one request",
                 "too_many_photos"));
  const auto json = http::parse_json_text(request->body);  // throws: 400 invalid_json
  if (!json.is_object())
    return unexpected(ApiError(ErrorCode::invalid_json, "the request part must be a JSON object"));
  auto read = resource::read<requests::NewRequest>(json.as_object());
  if (!read) return unexpected(std::move(read.error()));
  out.request = std::move(read->value);
  return out;
}

// Every photo through every check of an attachment, before anything is
// stored: one refused photo refuses the request (the phone shows why, and
// the operator sends it again without that file). Images only: a PDF is not
// a photo of a machine.
Expected<std::vector<att::Checked>, ApiError> inspect_all(const Ctx& ctx, const Form& form) {
  const auto& c = ctx.services.config;
  const att::Limits limits{c.max_upload_bytes, {c.clamd_socket, c.clamd_address}};
  std::vector<att::Checked> out;
  for (const auto& photo : form.photos) {
    auto checked = att::inspect(photo, limits);
    if (!checked) return unexpected(std::move(checked.error().error));
    if (!checked->mime.starts_with("image/"))
      return unexpected(ApiError(ErrorCode::unsupported_media_type,
                                 "only JPEG, PNG, WebP and HEIC photos are accepted",
                                 "unsupported_type"));
    out.push_back(std::move(*checked));
  }
  return out;
}

audit::Actor link_actor(const Ctx& ctx, std::int64_t org_id) {
  audit::Actor a;
  a.org_id = org_id;
  a.type = "request_link";
  a.ip = ctx.request.client_ip;
  return a;
}

Result<http::Response> photo(Ctx& ctx, std::int64_t id, bool thumbnail) {
  auto content = read_org(
      ctx, [&](OrgTx& tx) { return requests::photo_content(tx, blobs(ctx), id, thumbnail); });
  if (!content) return unexpected(std::move(content.error()));
  http::Response res;
  res.headers.set("Content-Type", content->mime);
  res.headers.set("Content-Disposition", "inline");
  res.headers.set("Content-Security-Policy", "sandbox");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(content->data);
  return res;
}

}  // namespace

Result<Created<requests::RequestReceived>> file_work_request_with_photos(Ctx& ctx) {
  BULWARK_TRY(auto form, read_form(ctx));
  // The token before the files: a bad link costs no scan.
  BULWARK_TRY(auto link, domain::links::resolve(ctx.services.db, form.request.token.value,
                                                kRequestLinks, ctx.now_ms()));
  auto checked = inspect_all(ctx, form);
  if (!checked) {
    if (checked.error().reason == "malware_detected")
      store::in_org(ctx.services.db, link.org_id, [&](OrgTx& tx) {
        auto entry =
            link_actor(ctx, link.org_id)
                .entry("work_request.malware_detected", "request_link", std::to_string(link.id));
        entry.outcome = "denied";
        audit::append(tx.connection(), entry);
      });
    return unexpected(std::move(checked.error()));
  }
  // The request and its photos in one transaction: all or nothing.
  return created(store::in_org(
      ctx.services.db, link.org_id,
      [&](OrgTx& tx) -> Expected<requests::RequestReceived, ApiError> {
        BULWARK_TRY(const auto id, requests::file_request(tx, link, link_actor(ctx, link.org_id),
                                                          form.request, ctx.now_ms()));
        requests::add_photos(tx, blobs(ctx), id, *checked, ctx.now_ms());
        return requests::RequestReceived{};
      }));
}

Result<http::Response> request_photo_content(Ctx& ctx, PathId id) {
  return photo(ctx, id.value, false);
}
Result<http::Response> request_photo_thumbnail(Ctx& ctx, PathId id) {
  return photo(ctx, id.value, true);
}

void add_request_photo_routes(http::Router& r) {
  using http::Method;
  // Public like POST /api/v1/public/requests (its per-IP rate class, Origin
  // check and per-link limit), with the upload routes' body limit: the
  // photos together are held to BULWARK_MAX_UPLOAD_BYTES.
  r.add({.method = Method::post,
         .pattern = "/api/v1/public/requests/with-photos",
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::customer_link,
         .effect = http::Effect::changes_state,
         .csrf = http::Csrf::same_origin_only,
         .execution = http::Execution::pool,
         .handler = endpoint<file_work_request_with_photos>(),
         .summary = "File a work request with up to 5 photos through a QR label's link "
                    "(multipart: `request` as JSON, files `photo1`..`photo5`; no sign-in)",
         .body_limit = http::BodyLimit::upload});
  add_session_route(r, Method::get, "/api/v1/request-photos/{id:int}/content",
                    security::Permission::work_orders_assign, "work_orders:read",
                    endpoint<request_photo_content>(), "A work request's photo");
  add_session_route(r, Method::get, "/api/v1/request-photos/{id:int}/thumbnail",
                    security::Permission::work_orders_assign, "work_orders:read",
                    endpoint<request_photo_thumbnail>(), "A work request's photo, small");
}

}  // namespace bulwark::api
