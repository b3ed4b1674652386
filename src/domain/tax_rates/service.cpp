#include "domain/tax_rates/service.hpp"

#include "core/try.hpp"

namespace bulwark::domain::tax_rates {

namespace {

using store::OrgSql;

#define TAX_RATE_COLUMNS \
  "SELECT id, name, rate_bp, tax_class, active, version, created_at, updated_at FROM tax_rates "
constexpr OrgSql kList(TAX_RATE_COLUMNS "WHERE org_id = $1 ORDER BY active DESC, name, id");
constexpr OrgSql kFind(TAX_RATE_COLUMNS "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kFindActive(TAX_RATE_COLUMNS "WHERE org_id = $1 AND id = $2 AND active = 1");
constexpr OrgSql kForClass(TAX_RATE_COLUMNS
                           "WHERE org_id = $1 AND tax_class = $2 AND active = 1 ORDER BY id "
                           "LIMIT 1");
#undef TAX_RATE_COLUMNS
constexpr OrgSql kInsert(
    "INSERT INTO tax_rates (org_id, name, rate_bp, tax_class, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id");
constexpr OrgSql kUpdate(
    "UPDATE tax_rates SET name = COALESCE($4, name), rate_bp = COALESCE($5, rate_bp), "
    "tax_class = CASE WHEN CAST($6 AS BIGINT) = 1 THEN NULL ELSE COALESCE($7, tax_class) END, "
    "active = COALESCE($8, active), updated_at = $9, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");

struct Id {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Id, (), (id))

TaxRateView view_of(const TaxRateRow& r) {
  return {r.id,          r.name,    r.rate_bp,      r.tax_class,
          r.active != 0, r.version, {r.created_at}, {r.updated_at}};
}

Outcome<TaxRateView> get(store::OrgTx& tx, std::int64_t id) {
  const auto row = tx.one<TaxRateRow>(kFind, id);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such tax rate"));
  return view_of(*row);
}

}  // namespace

Outcome<resource::Items<TaxRateView>> list(store::OrgTx& tx) {
  resource::Items<TaxRateView> out;
  for (const auto& r : tx.all<TaxRateRow>(kList)) out.items.push_back(view_of(r));
  return out;
}

Outcome<TaxRateView> create(store::OrgTx& tx, const audit::Actor& by, const Checked<NewTaxRate>& in,
                            std::int64_t now) {
  if (!in) return unexpected(in.error());
  const auto& r = (*in)->value;
  std::optional<std::string> tax_class;
  if (r.tax_class) tax_class = r.tax_class->value;
  const auto id = tx.one<Id>(kInsert, r.name.value, r.rate_bp.value, tax_class, now).value().id;
  by.record(tx.connection(), "tax_rate.created", "tax_rate", id, (*in)->present);
  return get(tx, id);
}

Outcome<TaxRateView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                            const Checked<TaxRateChange>& in, std::int64_t now) {
  BULWARK_TRY_VOID(get(tx, id));  // existence first
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  std::optional<std::string> name, tax_class;
  std::optional<std::int64_t> rate, active;
  if (c.name) name = c.name->value;
  if (c.rate_bp) rate = c.rate_bp->value;
  if (c.tax_class.is_set()) tax_class = c.tax_class.value().value;
  if (c.active) active = *c.active ? 1 : 0;
  const std::int64_t clear = c.tax_class.cleared() ? 1 : 0;
  BULWARK_TRY_VOID(tx.update_versioned(kUpdate, "tax rate", id, c.version.value, name, rate, clear,
                                       tax_class, active, now));
  by.record(tx.connection(), "tax_rate.updated", "tax_rate", id, (*in)->present);
  return get(tx, id);
}

std::optional<TaxRateRow> find_active(store::OrgTx& tx, std::int64_t id) {
  return tx.one<TaxRateRow>(kFindActive, id);
}

std::optional<TaxRateRow> for_tax_class(store::OrgTx& tx, const std::string& tax_class) {
  return tx.one<TaxRateRow>(kForClass, tax_class);
}

}  // namespace bulwark::domain::tax_rates
