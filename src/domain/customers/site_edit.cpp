#include "domain/customers/site_edit.hpp"

#include "resource/columns.hpp"

namespace bulwark::domain::customers {

namespace {

using store::OrgSql;

// A field left out (NULL) keeps its value; "" clears the notes or the code.
constexpr OrgSql kUpdateSite(
    "UPDATE sites SET name = COALESCE($3, name), address = COALESCE($4, address), "
    "access_notes = COALESCE($5, access_notes), gate_code = COALESCE($6, gate_code), "
    "updated_at = $7 WHERE org_id = $1 AND id = $2 "
    "RETURNING id, customer_id, row_key, name, address, access_notes, created_at, gate_code");
// The row key seals the new values (it never changes).
constexpr OrgSql kSiteKey("SELECT row_key AS value FROM sites WHERE org_id = $1 AND id = $2");

struct KeyRow {
  std::string value;
};
BOOST_DESCRIBE_STRUCT(KeyRow, (), (value))

template <class T>
std::optional<std::string> text_of(const std::optional<T>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

}  // namespace

Expected<SiteView, ApiError> update_site(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t site,
    const Expected<const resource::Read<SiteChange>*, ApiError>& in, std::int64_t now) {
  // Another organization's site (or none) is a 404 before the body is read.
  const auto key = tx.one<KeyRow>(kSiteKey, site);
  if (!key) return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  auto sealed = [&](std::string_view column, const std::optional<std::string>& v) {
    return tx.seal("sites", column, key->value, v);
  };
  auto row =
      tx.one<SiteRow>(kUpdateSite, site, text_of(c.name), sealed("address", text_of(c.address)),
                      sealed("access_notes", text_of(c.access_notes)),
                      sealed("gate_code", text_of(c.gate_code)), now);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  store::open_personal(tx, "sites", *row);
  by.record(tx.connection(), "site.updated", "site", site, (*in)->present);
  SiteView v{row->id, row->customer_id, row->name, row->address.value,
             {},      row->created_at,  false,     {}};
  v.access_notes = row->access_notes.value;
  v.gate_code = row->gate_code.value;
  return v;
}

}  // namespace bulwark::domain::customers
