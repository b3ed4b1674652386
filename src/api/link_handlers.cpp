#include "api/link_handlers.hpp"

#include <array>

#include "api/session_route.hpp"
#include "api/work_order_handlers.hpp"
#include "config/config.hpp"
#include "domain/links/customer.hpp"
#include "domain/links/office.hpp"
#include "domain/links/tokens.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

using links::Purpose;
constexpr std::array kShown{Purpose::appointment, Purpose::invoice, Purpose::report};
constexpr std::array kConfirmable{Purpose::appointment};
constexpr std::array kReports{Purpose::report};

// The token from the path ({token:token}: URL-safe characters, checked
// again by resolve). Never logged: the access log records the route's
// pattern, not the path.
std::string_view token_of(const Ctx& ctx) { return ctx.params.text("token"); }

// The customer as the actor of an audit entry: no user, the link's org.
audit::Actor customer(const Ctx& ctx, std::int64_t org_id) {
  audit::Actor a;
  a.org_id = org_id;
  a.type = "customer_link";
  a.ip = ctx.request.client_ip;
  return a;
}

}  // namespace

Result<links::CustomerLinkView> show_customer_link(Ctx& ctx) {
  const auto token = token_of(ctx);
  BULWARK_TRY(auto link, links::resolve(ctx.services.db, token, kShown, ctx.now_ms()));
  return store::read_org(ctx.services.db, link.org_id,
                         [&](OrgTx& tx) { return links::show(tx, link, token, ctx.now_ms()); });
}

Result<links::LinkConfirmed> confirm_customer_link(Ctx& ctx) {
  BULWARK_TRY(auto link,
              links::resolve(ctx.services.db, token_of(ctx), kConfirmable, ctx.now_ms()));
  return store::in_org(ctx.services.db, link.org_id, [&](OrgTx& tx) {
    return links::confirm(tx, link, customer(ctx, link.org_id), ctx.now_ms());
  });
}

Result<http::Response> customer_link_report(Ctx& ctx) {
  BULWARK_TRY(auto link, links::resolve(ctx.services.db, token_of(ctx), kReports, ctx.now_ms()));
  const store::BlobStore blobs(ctx.services.config.data_dir);
  auto file = store::read_org(ctx.services.db, link.org_id,
                              [&](OrgTx& tx) { return links::report(tx, blobs, link); });
  if (!file) return unexpected(std::move(file.error()));
  http::Response res;
  res.headers.set("Content-Type", "application/pdf");
  res.headers.set("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
  res.headers.set("Cache-Control", "private, no-store");
  res.body = std::move(file->bytes);
  return res;
}

Result<Created<links::IssuedCustomerLink>> issue_customer_link(
    Ctx& ctx, PathId wo, LateBody<links::NewCustomerLink> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return links::issue_for_work_order(tx, wo_caller(ctx), wo, in.checked(),
                                       ctx.services.config.public_url, ctx.now_ms());
  }));
}

Result<Items<links::CustomerLinkSummary>> list_customer_links(Ctx& ctx, PathId wo) {
  return read_org(ctx, [&](OrgTx& tx) {
    return links::work_order_links(tx, wo_caller(ctx), wo, ctx.now_ms());
  });
}

Result<links::CustomerLinkSummary> revoke_customer_link(Ctx& ctx, PathId id) {
  return in_org(ctx,
                [&](OrgTx& tx) { return links::revoke_link(tx, ctx.actor(), id, ctx.now_ms()); });
}

void add_customer_link_routes(http::Router& r) {
  using http::Method;
  // Public (MUST-001's explicit exceptions): the token is the credential.
  // Their own per-IP rate class; the confirmation, the one change, carries
  // the Origin check (a page elsewhere cannot post it).
  auto open = [&](Method m, const char* pattern, http::Endpoint handler, const char* summary) {
    add_public_token_route(r, m, pattern, std::move(handler), summary);
  };
  open(Method::get, "/api/v1/links/{token:token}", endpoint<show_customer_link>(),
       "A customer link: the appointment, the invoice or the report it is for (no sign-in)");
  open(Method::post, "/api/v1/links/{token:token}/confirm", endpoint<confirm_customer_link>(),
       "Confirm the appointment of a customer link (no sign-in)");
  open(Method::get, "/api/v1/links/{token:token}/report.pdf", endpoint<customer_link_report>(),
       "The pump-out report of a customer link, as a PDF (no sign-in)");

  // The office: dispatchers and above.
  const auto office = security::Permission::work_orders_assign;
  add_session_route(
      r, Method::post, "/api/v1/work-orders/{id:int}/links", office, "work_orders:write",
      endpoint<issue_customer_link>(),
      "Make a customer link (appointment, invoice or report); its URL is answered once");
  add_session_route(r, Method::get, "/api/v1/work-orders/{id:int}/links", office,
                    "work_orders:read", endpoint<list_customer_links>(),
                    "A work order's customer links (never their tokens)");
  add_session_route(r, Method::post, "/api/v1/links/{id:int}/revoke", office, "work_orders:write",
                    endpoint<revoke_customer_link>(), "Revoke a customer link");
}

}  // namespace bulwark::api
