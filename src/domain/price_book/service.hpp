#pragma once
// The price book's rules, callable from a unit test with no HTTP: every
// function runs inside the caller's organization-scoped transaction and
// audits what it changes (field names, never values).
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/price_book/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::price_book {

template <class T>
using Outcome = Expected<T, ApiError>;
// A body whose problems are reported after the existence check.
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

// `with_prices`: whether the caller may see prices (technicians may not).
Outcome<resource::Items<PriceItemView>> list(store::OrgTx& tx, const PriceItemQuery& q,
                                             bool with_prices);
Outcome<PriceItemView> get(store::OrgTx& tx, std::int64_t id, bool with_prices);
// 409 name_taken when another active item has the name (any case).
Outcome<PriceItemView> create(store::OrgTx& tx, const audit::Actor& by,
                              const Checked<NewPriceItem>& in, std::int64_t now);
Outcome<PriceItemView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              const Checked<PriceItemChange>& in, std::int64_t now);
// Archived items leave the picker and cannot be added to a work order; the
// parts already taken from them keep their name and price.
Outcome<PriceItemView> archive(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                               const Checked<PriceItemArchive>& in, std::int64_t now);

// For a work order's part: the active item, or 422 (archived) / 404.
Outcome<PriceItemRow> for_line_item(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::price_book
