#include "domain/price_book/service.hpp"

#include "core/try.hpp"
#include "domain/price_book/repo.hpp"
#include "store/database.hpp"

namespace bulwark::domain::price_book {

namespace {

ApiError no_such_item() { return ApiError(ErrorCode::not_found, "no such price book item"); }

ApiError name_taken() {
  return ApiError(ErrorCode::conflict, "the price book already has an item with this name",
                  "name_taken", {{"name", "is already in the price book"}});
}

PriceItemView view_of(const PriceItemRow& r, bool with_prices) {
  PriceItemView v{r.id,
                  r.kind,
                  r.name,
                  r.unit,
                  {},
                  r.tax_class,
                  r.active != 0,
                  r.version,
                  resource::Time{r.created_at},
                  resource::Time{r.updated_at}};
  if (with_prices) v.unit_price_cents.emplace(r.unit_price_cents);
  return v;
}

Outcome<PriceItemRow> find(store::OrgTx& tx, std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_item());
  return std::move(*row);
}

}  // namespace

Outcome<resource::Items<PriceItemView>> list(store::OrgTx& tx, const PriceItemQuery& q,
                                             bool with_prices) {
  resource::Items<PriceItemView> out;
  for (const auto& r : repo::list(tx, q)) out.items.push_back(view_of(r, with_prices));
  return out;
}

Outcome<PriceItemView> get(store::OrgTx& tx, std::int64_t id, bool with_prices) {
  BULWARK_TRY(const auto row, find(tx, id));
  return view_of(row, with_prices);
}

Outcome<PriceItemView> create(store::OrgTx& tx, const audit::Actor& by,
                              const Checked<NewPriceItem>& in, std::int64_t now) {
  if (!in) return unexpected(in.error());
  const auto& item = (*in)->value;
  if (repo::name_taken(tx, item.name.value, std::nullopt)) return unexpected(name_taken());
  std::int64_t id = 0;
  try {
    id = repo::insert(tx, item, now);
  } catch (const store::ConstraintViolation&) {
    // Another office added the same name meanwhile (the unique index of
    // active names); the error outcome rolls this transaction back.
    return unexpected(name_taken());
  }
  by.record(tx.connection(), "price_item.created", "price_item", id, (*in)->present);
  return get(tx, id, true);
}

Outcome<PriceItemView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              const Checked<PriceItemChange>& in, std::int64_t now) {
  BULWARK_TRY(const auto current, find(tx, id));  // existence first
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  if (c.name && current.active != 0 && repo::name_taken(tx, c.name->value, id))
    return unexpected(name_taken());
  try {
    BULWARK_TRY_VOID(repo::update(tx, id, c, now));
  } catch (const store::ConstraintViolation&) {
    return unexpected(name_taken());  // renamed to a name added meanwhile
  }
  by.record(tx.connection(), "price_item.updated", "price_item", id, (*in)->present);
  return get(tx, id, true);
}

Outcome<PriceItemView> archive(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                               const Checked<PriceItemArchive>& in, std::int64_t now) {
  BULWARK_TRY_VOID(find(tx, id));
  if (!in) return unexpected(in.error());
  BULWARK_TRY_VOID(repo::archive(tx, id, (*in)->value.version.value, now));
  by.record(tx.connection(), "price_item.archived", "price_item", id, {"active"});
  return get(tx, id, true);
}

Outcome<PriceItemRow> for_line_item(store::OrgTx& tx, std::int64_t id) {
  BULWARK_TRY(auto row, find(tx, id));
  if (row.active == 0)
    return unexpected(ApiError(ErrorCode::unprocessable,
                               "this price book item is archived; pick another",
                               "price_item_archived", {{"price_item_id", "is archived"}}));
  return row;
}

}  // namespace bulwark::domain::price_book
