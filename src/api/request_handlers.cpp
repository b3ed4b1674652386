#include "api/request_handlers.hpp"

#include <algorithm>
#include <array>

#include "api/query_params.hpp"
#include "api/request_photo_handlers.hpp"
#include "api/requester_handlers.hpp"
#include "api/session_route.hpp"
#include "api/work_order_handlers.hpp"
#include "config/config.hpp"
#include "domain/links/tokens.hpp"
#include "domain/requests/inbox.hpp"
#include "domain/requests/public_form.hpp"
#include "domain/requests/request_links.hpp"
#include "render/qr_svg.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

constexpr std::array kRequestLinks{domain::links::Purpose::request};

store::BlobStore blobs(const Ctx& ctx) { return store::BlobStore(ctx.services.config.data_dir); }

requests::LinkSubject asset_of(PathId id) { return {id.value, std::nullopt}; }
requests::LinkSubject site_of(PathId id) { return {std::nullopt, id.value}; }

Result<requests::RequestLinkView> current(Ctx& ctx, requests::LinkSubject of) {
  return read_org(ctx, [&](OrgTx& tx) {
    return requests::current_link(tx, of, ctx.services.config.public_url, ctx.now_ms());
  });
}

Result<Created<requests::RequestLinkView>> rotate(Ctx& ctx, requests::LinkSubject of) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return requests::rotate_link(tx, ctx.actor(), of, ctx.services.config.public_url, ctx.now_ms());
  }));
}

Result<requests::RequestLinkView> revoke(Ctx& ctx, requests::LinkSubject of) {
  return in_org(ctx, [&](OrgTx& tx) {
    return requests::revoke_link(tx, ctx.actor(), of, ctx.services.config.public_url, ctx.now_ms());
  });
}

// The label's QR code: the link's URL, drawn as SVG. no-store: it holds the
// link, which opens the form to anyone who has it.
Result<http::Response> qr(Ctx& ctx, requests::LinkSubject of) {
  BULWARK_TRY(const auto link, current(ctx, of));
  auto svg = render::qr_svg(link.url);
  if (!svg) return unexpected(ApiError(ErrorCode::internal, "internal error"));
  http::Response res;
  res.headers.set("Content-Type", "image/svg+xml");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(*svg);
  return res;
}

// The requester as the actor of an audit entry: no user, the link's org.
audit::Actor requester(const Ctx& ctx, std::int64_t org_id) {
  audit::Actor a;
  a.org_id = org_id;
  a.type = "request_link";
  a.ip = ctx.request.client_ip;
  return a;
}

}  // namespace

Result<requests::RequestLinkView> get_asset_request_link(Ctx& ctx, PathId asset) {
  return current(ctx, asset_of(asset));
}
Result<Created<requests::RequestLinkView>> make_asset_request_link(Ctx& ctx, PathId asset) {
  return rotate(ctx, asset_of(asset));
}
Result<requests::RequestLinkView> revoke_asset_request_link(Ctx& ctx, PathId asset) {
  return revoke(ctx, asset_of(asset));
}
Result<http::Response> asset_request_qr(Ctx& ctx, PathId asset) { return qr(ctx, asset_of(asset)); }
Result<requests::RequestLinkView> get_site_request_link(Ctx& ctx, PathId site) {
  return current(ctx, site_of(site));
}
Result<Created<requests::RequestLinkView>> make_site_request_link(Ctx& ctx, PathId site) {
  return rotate(ctx, site_of(site));
}
Result<requests::RequestLinkView> revoke_site_request_link(Ctx& ctx, PathId site) {
  return revoke(ctx, site_of(site));
}
Result<http::Response> site_request_qr(Ctx& ctx, PathId site) { return qr(ctx, site_of(site)); }

Result<requests::RequestForm> show_request_form(Ctx& ctx) {
  BULWARK_TRY(auto link, domain::links::resolve(ctx.services.db, ctx.params.text("token"),
                                                kRequestLinks, ctx.now_ms()));
  return store::read_org(ctx.services.db, link.org_id,
                         [&](OrgTx& tx) { return requests::show_form(tx, link); });
}

Result<Created<requests::RequestReceived>> file_work_request(Ctx& ctx,
                                                             Body<requests::NewRequest> in) {
  BULWARK_TRY(auto link, domain::links::resolve(ctx.services.db, in.value.token.value,
                                                kRequestLinks, ctx.now_ms()));
  return created(store::in_org(ctx.services.db, link.org_id,
                               [&](OrgTx& tx) -> Expected<requests::RequestReceived, ApiError> {
                                 BULWARK_TRY_VOID(
                                     requests::file_request(tx, link, requester(ctx, link.org_id),
                                                            in.value, ctx.now_ms()));
                                 return requests::RequestReceived{};
                               }));
}

Result<Items<requests::WorkRequestView>> list_work_requests(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status"});
  auto status = q.text("status", 20);
  if (status && std::ranges::find(requests::kStatuses, *status) == requests::kStatuses.end())
    return unexpected(ApiError(ErrorCode::validation_failed, "invalid query parameters",
                               "invalid_parameter",
                               {{"status", "must be one of new, approved, declined"}}));
  return read_org(ctx, [&](OrgTx& tx) { return requests::list(tx, status); });
}

Result<requests::WorkRequestView> get_work_request(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return requests::get(tx, id); });
}

Result<requests::WorkRequestView> approve_work_request(Ctx& ctx, PathId id,
                                                       LateBody<requests::RequestApprove> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return requests::approve(tx, blobs(ctx), wo_caller(ctx), id, in.checked(), ctx.now_ms());
  });
}

Result<requests::RequestDeclined> decline_work_request(Ctx& ctx, PathId id,
                                                       LateBody<requests::RequestDecline> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return requests::decline(tx, blobs(ctx), ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

void add_work_request_routes(http::Router& r) {
  using http::Method;
  // Public (MUST-001's explicit exceptions, like the customer links): the
  // token is the credential; the per-IP rate class of links; the one change
  // carries the Origin check (a page elsewhere cannot post it).
  auto open = [&](Method m, const char* pattern, http::Endpoint handler, const char* summary) {
    const bool reads = m == Method::get;
    r.add({.method = m,
           .pattern = pattern,
           .auth = http::Auth::public_access,
           .permission = http::no_permission(),
           .rate = http::RateClass::customer_link,
           .effect = reads ? http::Effect::read_only : http::Effect::changes_state,
           .csrf = reads ? http::Csrf::not_applicable : http::Csrf::same_origin_only,
           .execution = http::Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  open(Method::get, "/api/v1/public/requests/{token:token}", endpoint<show_request_form>(),
       "The request form of an asset's or site's QR label: its name only (no sign-in)");
  open(Method::post, "/api/v1/public/requests", endpoint<file_work_request>(),
       "File a work request through a QR label's link (no sign-in)");

  // The office: owner, admin, dispatcher (work_orders.assign).
  auto office = [&](Method m, const char* pattern, std::string_view scope, http::Endpoint handler,
                    const char* summary) {
    add_session_route(r, m, pattern, security::Permission::work_orders_assign, scope,
                      std::move(handler), summary);
  };
  const std::string_view read = "work_orders:read", write = "work_orders:write";
  office(Method::get, "/api/v1/assets/{id:int}/request-link", read,
         endpoint<get_asset_request_link>(), "An asset's request link (for its QR label)");
  office(Method::post, "/api/v1/assets/{id:int}/request-link", write,
         endpoint<make_asset_request_link>(),
         "Make an asset's request link, replacing the live one (the old label stops working)");
  office(Method::post, "/api/v1/assets/{id:int}/request-link/revoke", write,
         endpoint<revoke_asset_request_link>(), "Revoke an asset's request link");
  office(Method::get, "/api/v1/assets/{id:int}/request-link/qr.svg", read,
         endpoint<asset_request_qr>(), "The QR code of an asset's request link, as SVG");
  office(Method::get, "/api/v1/sites/{id:int}/request-link", read,
         endpoint<get_site_request_link>(), "A site's request link (for its QR label)");
  office(Method::post, "/api/v1/sites/{id:int}/request-link", write,
         endpoint<make_site_request_link>(),
         "Make a site's request link, replacing the live one (the old label stops working)");
  office(Method::post, "/api/v1/sites/{id:int}/request-link/revoke", write,
         endpoint<revoke_site_request_link>(), "Revoke a site's request link");
  office(Method::get, "/api/v1/sites/{id:int}/request-link/qr.svg", read,
         endpoint<site_request_qr>(), "The QR code of a site's request link, as SVG");
  office(Method::get, "/api/v1/requests", read, endpoint<list_work_requests>(),
         "The inbox of work requests (status=new|approved|declined), with asset and site names");
  office(Method::get, "/api/v1/requests/{id:int}", read, endpoint<get_work_request>(),
         "A work request");
  office(Method::post, "/api/v1/requests/{id:int}/approve", write, endpoint<approve_work_request>(),
         "Approve a work request: a work order on its asset and site (send the version)");
  office(Method::post, "/api/v1/requests/{id:int}/decline", write, endpoint<decline_work_request>(),
         "Decline a work request with a reason, texted to the requester if they gave a phone");
  add_request_photo_routes(r);
  add_requester_routes(r);
}

}  // namespace bulwark::api
