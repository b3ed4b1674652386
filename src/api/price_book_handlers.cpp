#include "api/price_book_handlers.hpp"

#include "api/query_params.hpp"
#include "api/session_route.hpp"
#include "domain/price_book/service.hpp"
#include "security/permissions.hpp"
#include "security/roles.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

// Prices are billing data: shown to whoever may manage invoices.
bool sees_prices(const Ctx& ctx) {
  return security::role_has(ctx.who().role, security::Permission::invoices_manage);
}

ApiError bad_parameter(const std::string& name, std::string problem) {
  return ApiError(ErrorCode::validation_failed, "bad " + name, "invalid_parameter",
                  {{name, std::move(problem)}});
}

}  // namespace

// q= (part of the name), kind= (service | product), active= (true, the
// default; false: archived only; all).
Result<Items<price_book::PriceItemView>> list_price_items(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"q", "kind", "active"});
  price_book::PriceItemQuery query;
  if (const auto search = q.text("q", 100)) query.like = like_pattern(*search);
  query.kind = q.text("kind", 20);
  if (query.kind && *query.kind != "service" && *query.kind != "product")
    return unexpected(bad_parameter("kind", "must be service or product"));
  if (const auto active = q.text("active", 5)) {
    if (*active == "true")
      query.active = true;
    else if (*active == "false")
      query.active = false;
    else if (*active == "all")
      query.active = std::nullopt;
    else
      return unexpected(bad_parameter("active", "must be true, false or all"));
  }
  const bool prices = sees_prices(ctx);
  return read_org(ctx, [&](OrgTx& tx) { return price_book::list(tx, query, prices); });
}

Result<price_book::PriceItemView> get_price_item(Ctx& ctx, PathId id) {
  const bool prices = sees_prices(ctx);
  return read_org(ctx, [&](OrgTx& tx) { return price_book::get(tx, id, prices); });
}

Result<Created<price_book::PriceItemView>> create_price_item(
    Ctx& ctx, LateBody<price_book::NewPriceItem> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return price_book::create(tx, ctx.actor(), in.checked(), ctx.now_ms());
  }));
}

Result<price_book::PriceItemView> update_price_item(Ctx& ctx, PathId id,
                                                    LateBody<price_book::PriceItemChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return price_book::change(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<price_book::PriceItemView> archive_price_item(Ctx& ctx, PathId id,
                                                     LateBody<price_book::PriceItemArchive> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return price_book::archive(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

void add_price_book_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  const auto read = Permission::work_orders_read;
  const auto write = Permission::invoices_manage;
  add_session_route(
      r, Method::get, "/api/v1/price-items", read, "work_orders:read", endpoint<list_price_items>(),
      "The price book: services and products with unit and price (q=, kind=, active=)");
  add_session_route(r, Method::get, "/api/v1/price-items/{id:int}", read, "work_orders:read",
                    endpoint<get_price_item>(), "A price book item");
  add_session_route(r, Method::post, "/api/v1/price-items", write, "invoices:write",
                    endpoint<create_price_item>(), "Add a service or product to the price book");
  add_session_route(r, Method::patch, "/api/v1/price-items/{id:int}", write, "invoices:write",
                    endpoint<update_price_item>(),
                    "Change a price book item (send the version you read)");
  add_session_route(r, Method::post, "/api/v1/price-items/{id:int}/archive", write,
                    "invoices:write", endpoint<archive_price_item>(),
                    "Archive a price book item (work orders keep what they were priced at)");
}

}  // namespace bulwark::api
