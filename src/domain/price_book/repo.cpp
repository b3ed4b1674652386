#include "domain/price_book/repo.hpp"

namespace bulwark::domain::price_book::repo {

namespace {

using store::OrgSql;

#define PRICE_ITEM_SELECT                                                                   \
  "SELECT id, kind, name, unit, unit_price_cents, tax_class, active, version, created_at, " \
  "updated_at FROM price_items "
constexpr OrgSql kFind(PRICE_ITEM_SELECT "WHERE org_id = $1 AND id = $2");
// Active first, then by name: the order of the picker and of the page.
constexpr OrgSql kList(PRICE_ITEM_SELECT
                       "WHERE org_id = $1 "
                       "AND (CAST($2 AS TEXT) IS NULL OR lower(name) LIKE CAST($2 AS TEXT) "
                       "ESCAPE '\\') "
                       "AND (CAST($3 AS TEXT) IS NULL OR kind = CAST($3 AS TEXT)) "
                       "AND (CAST($4 AS BIGINT) IS NULL OR active = CAST($4 AS BIGINT)) "
                       "ORDER BY active DESC, lower(name), id LIMIT 500");
#undef PRICE_ITEM_SELECT
constexpr OrgSql kNameTaken(
    "SELECT id FROM price_items WHERE org_id = $1 AND active = 1 AND lower(name) = lower($2) "
    "AND (CAST($3 AS BIGINT) IS NULL OR id <> CAST($3 AS BIGINT))");
constexpr OrgSql kInsert(
    "INSERT INTO price_items (org_id, kind, name, unit, unit_price_cents, tax_class, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id");
// $7 = 1 clears the tax class; otherwise $8 sets it when not null.
constexpr OrgSql kUpdate(
    "UPDATE price_items SET kind = COALESCE($4, kind), name = COALESCE($5, name), "
    "unit = COALESCE($6, unit), unit_price_cents = COALESCE($7, unit_price_cents), "
    "tax_class = CASE WHEN CAST($8 AS BIGINT) = 1 THEN NULL ELSE COALESCE($9, tax_class) END, "
    "updated_at = $10, version = version + 1 WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kArchive(
    "UPDATE price_items SET active = 0, updated_at = $4, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

template <class T>
std::optional<std::string> value_of(const std::optional<T>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

}  // namespace

std::optional<PriceItemRow> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<PriceItemRow>(kFind, id);
}

std::vector<PriceItemRow> list(store::OrgTx& tx, const PriceItemQuery& q) {
  std::optional<std::int64_t> active;
  if (q.active) active = *q.active ? 1 : 0;
  return tx.all<PriceItemRow>(kList, q.like, q.kind, active);
}

bool name_taken(store::OrgTx& tx, const std::string& name, std::optional<std::int64_t> except) {
  return !tx.run(kNameTaken, name, except).empty();
}

std::int64_t insert(store::OrgTx& tx, const NewPriceItem& in, std::int64_t now) {
  return tx
      .one<Returned>(kInsert, in.kind.value, in.name.value, in.unit.value,
                     in.unit_price_cents.value, value_of(in.tax_class), now)
      .value()
      .id;
}

Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t id, const PriceItemChange& c,
                                std::int64_t now) {
  std::optional<std::int64_t> price;
  if (c.unit_price_cents) price = c.unit_price_cents->value;
  const std::int64_t clear = c.tax_class.cleared() ? 1 : 0;
  std::optional<std::string> tax;
  if (c.tax_class.is_set()) tax = c.tax_class.value().value;
  return tx.update_versioned(kUpdate, "price item", id, c.version.value, value_of(c.kind),
                             value_of(c.name), value_of(c.unit), price, clear, tax, now);
}

Expected<void, ApiError> archive(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                 std::int64_t now) {
  return tx.update_versioned(kArchive, "price item", id, version, now);
}

}  // namespace bulwark::domain::price_book::repo
