#pragma once
// The price book (issue 14 item 1): everyone who works on work orders reads
// it (technicians pick line items from it, without prices); the office
// (invoices.manage) adds, edits and archives items. The rules live in
// domain/price_book/service.cpp.
#include "api/endpoint.hpp"
#include "domain/price_book/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace price_book = domain::price_book;

Result<Items<price_book::PriceItemView>> list_price_items(Ctx& ctx);
Result<price_book::PriceItemView> get_price_item(Ctx& ctx, PathId id);
Result<Created<price_book::PriceItemView>> create_price_item(Ctx& ctx,
                                                             LateBody<price_book::NewPriceItem> in);
Result<price_book::PriceItemView> update_price_item(Ctx& ctx, PathId id,
                                                    LateBody<price_book::PriceItemChange> in);
Result<price_book::PriceItemView> archive_price_item(Ctx& ctx, PathId id,
                                                     LateBody<price_book::PriceItemArchive> in);

// Its route rows; added by api::build_router().
void add_price_book_routes(http::Router& r);

}  // namespace bulwark::api
