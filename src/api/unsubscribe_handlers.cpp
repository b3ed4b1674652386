#include "api/unsubscribe_handlers.hpp"

#include <array>

#include "api/session_route.hpp"
#include "domain/links/tokens.hpp"

namespace bulwark::api {

namespace {

namespace links = domain::links;
namespace plans = domain::service_plans;
constexpr std::array kUnsubscribe{links::Purpose::unsubscribe};

// Never logged: the access log records the route's pattern, not the path.
std::string_view token_of(const Ctx& ctx) { return ctx.params.text("token"); }

}  // namespace

Result<plans::UnsubscribeView> show_unsubscribe(Ctx& ctx) {
  BULWARK_TRY(auto link,
              links::resolve(ctx.services.db, token_of(ctx), kUnsubscribe, ctx.now_ms()));
  return store::read_org(ctx.services.db, link.org_id,
                         [&](store::OrgTx& tx) { return plans::unsubscribe_state(tx, link); });
}

Result<plans::UnsubscribeView> post_unsubscribe(Ctx& ctx) {
  BULWARK_TRY(auto link,
              links::resolve(ctx.services.db, token_of(ctx), kUnsubscribe, ctx.now_ms()));
  audit::Actor by;
  by.org_id = link.org_id;
  by.type = "customer_link";
  by.ip = ctx.request.client_ip;
  return store::in_org(ctx.services.db, link.org_id, [&](store::OrgTx& tx) {
    return plans::unsubscribe(tx, link, by, ctx.now_ms());
  });
}

void add_unsubscribe_routes(http::Router& r) {
  using http::Method;
  auto open = [&](Method m, http::Endpoint handler, const char* summary) {
    add_public_token_route(r, m, "/api/v1/public/unsubscribe/{token:token}", std::move(handler),
                           summary);
  };
  open(Method::get, endpoint<show_unsubscribe>(),
       "Whose reminder email an unsubscribe link stops, and whether it still goes (no sign-in)");
  open(Method::post, endpoint<post_unsubscribe>(),
       "One-click unsubscribe (RFC 8058) from service-reminder email (no sign-in)");
}

}  // namespace bulwark::api
