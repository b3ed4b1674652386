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
    "RETURNING id, customer_id, name, address, access_notes, created_at, gate_code");
constexpr OrgSql kSiteExists("SELECT 1 FROM sites WHERE org_id = $1 AND id = $2");

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
  if (tx.run(kSiteExists, site).empty())
    return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  const auto row = tx.one<SiteRow>(kUpdateSite, site, text_of(c.name), text_of(c.address),
                                   text_of(c.access_notes), text_of(c.gate_code), now);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  by.record(tx.connection(), "site.updated", "site", site, (*in)->present);
  SiteView v{row->id, row->customer_id, row->name, row->address, {}, row->created_at, false, {}};
  v.access_notes = row->access_notes;
  v.gate_code = row->gate_code;
  return v;
}

}  // namespace bulwark::domain::customers
