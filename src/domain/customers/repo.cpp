#include "domain/customers/repo.hpp"

#include "resource/columns.hpp"

namespace bulwark::domain::customers::repo {

namespace {

using resource::cleared;
using store::OrgSql;

// Each record with the consent of its phone number (sms_consent).
#define CUSTOMER_SELECT                                                                       \
  "SELECT c.id, c.name, c.phone, c.email, c.billing_address, c.notes, c.sms_opt_out, "        \
  "c.deleted_at, c.created_at, c.updated_at, c.version, c.sms_opt_out_by_customer, "          \
  "s.state AS consent_state, s.changed_at AS consent_changed_at, s.source AS consent_source " \
  "FROM customers c LEFT JOIN sms_consent s ON s.org_id = $1 AND s.phone_e164 = c.phone "
#define CUSTOMER_FILTERS                                                                     \
  "AND ((CAST($2 AS BIGINT) = 1 AND c.deleted_at IS NOT NULL) OR "                           \
  "     (CAST($2 AS BIGINT) = 0 AND c.deleted_at IS NULL)) "                                 \
  "AND (CAST($3 AS TEXT) IS NULL OR lower(c.name) LIKE CAST($3 AS TEXT) ESCAPE '\\' "        \
  "     OR lower(COALESCE(c.email, '')) LIKE CAST($3 AS TEXT) ESCAPE '\\' "                  \
  "     OR (CAST($4 AS TEXT) IS NOT NULL AND COALESCE(c.phone, '') LIKE CAST($4 AS TEXT))) " \
  "AND (CAST($5 AS BIGINT) IS NULL OR "                                                      \
  "     (CASE WHEN c.sms_opt_out = 1 OR s.state = 'opted_out' THEN 1 ELSE 0 END) "           \
  "     = CAST($5 AS BIGINT)) "

constexpr OrgSql kSelectOne(CUSTOMER_SELECT "WHERE c.org_id = $1 AND c.id = $2");
constexpr OrgSql kListByName(CUSTOMER_SELECT
                             "WHERE c.org_id = $1 " CUSTOMER_FILTERS
                             "AND (CAST($6 AS TEXT) IS NULL OR c.name > CAST($6 AS TEXT) "
                             "     OR (c.name = CAST($6 AS TEXT) AND c.id > CAST($7 AS BIGINT))) "
                             "ORDER BY c.name, c.id LIMIT $8");
constexpr OrgSql kListNewest(CUSTOMER_SELECT
                             "WHERE c.org_id = $1 " CUSTOMER_FILTERS
                             "AND (CAST($6 AS BIGINT) IS NULL OR c.id < CAST($6 AS BIGINT)) "
                             "ORDER BY c.id DESC LIMIT $7");
#undef CUSTOMER_SELECT
#undef CUSTOMER_FILTERS

constexpr OrgSql kInsert(
    "INSERT INTO customers (org_id, name, phone, email, billing_address, notes, sms_opt_out, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id");
// Optimistic concurrency: the update applies only to the version read.
constexpr OrgSql kUpdate(
    "UPDATE customers SET name = COALESCE($4, name), "
    "phone = CASE WHEN CAST($5 AS BIGINT) = 1 THEN NULL ELSE COALESCE($6, phone) END, "
    "email = CASE WHEN CAST($7 AS BIGINT) = 1 THEN NULL ELSE COALESCE($8, email) END, "
    "billing_address = COALESCE($9, billing_address), notes = COALESCE($10, notes), "
    "sms_opt_out = COALESCE($11, sms_opt_out), updated_at = $12, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kDelete(
    "UPDATE customers SET deleted_at = $3, updated_at = $3, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL");
constexpr OrgSql kRestore(
    "UPDATE customers SET deleted_at = NULL, updated_at = $3, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND deleted_at IS NOT NULL");

constexpr OrgSql kSites(
    "SELECT id, customer_id, name, address, access_notes, created_at, gate_code FROM sites "
    "WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kInsertSite(
    "INSERT INTO sites (org_id, customer_id, name, address, access_notes, gate_code, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $7, $6, $6) "
    "RETURNING id, customer_id, name, address, access_notes, created_at, gate_code");

template <class T>
std::optional<std::string> text_of(const std::optional<T>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

}  // namespace

std::optional<CustomerRow> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<CustomerRow>(kSelectOne, id);
}

std::vector<CustomerRow> list(store::OrgTx& tx, const CustomerQuery& q,
                              const std::optional<std::string>& after_name,
                              std::optional<std::int64_t> after_id) {
  if (q.by_name)
    return tx.all<CustomerRow>(kListByName, q.deleted, q.like, q.digits_like, q.opted_out,
                               after_name, after_id, q.limit + 1);
  return tx.all<CustomerRow>(kListNewest, q.deleted, q.like, q.digits_like, q.opted_out, after_id,
                             q.limit + 1);
}

std::int64_t insert(store::OrgTx& tx, const NewCustomer& c, std::int64_t now) {
  auto r = tx.run(kInsert, c.name.value, c.phone, c.email, text_of(c.billing_address).value_or(""),
                  text_of(c.notes).value_or(""), c.sms_opt_out.value_or(false), now);
  return r.rows.at(0).integer(0);
}

Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t id, const CustomerChange& c,
                                std::int64_t now) {
  return tx.update_versioned(kUpdate, "customer", id, c.version, text_of(c.name), cleared(c.phone),
                             c.phone, cleared(c.email), c.email, text_of(c.billing_address),
                             text_of(c.notes), c.sms_opt_out, now);
}

bool set_deleted(store::OrgTx& tx, std::int64_t id, bool deleted, std::int64_t now) {
  return tx.run(deleted ? kDelete : kRestore, id, now).affected > 0;
}

std::vector<SiteRow> sites(store::OrgTx& tx, std::int64_t customer) {
  return tx.all<SiteRow>(kSites, customer);
}

SiteRow insert_site(store::OrgTx& tx, std::int64_t customer, const NewSite& s, std::int64_t now) {
  return *tx.one<SiteRow>(kInsertSite, customer, s.name.value, s.address.value,
                          text_of(s.access_notes).value_or(""), now,
                          text_of(s.gate_code).value_or(""));
}

}  // namespace bulwark::domain::customers::repo
