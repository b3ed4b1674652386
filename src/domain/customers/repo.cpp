#include "domain/customers/repo.hpp"

#include <array>

#include "domain/customers/blind.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::customers::repo {

namespace {

using resource::cleared;
using store::OrgSql;

constexpr std::string_view kCustomers = "customers";
constexpr std::string_view kSitesTable = "sites";

// Each record with the consent of its phone number (sms_consent, keyed by
// the number's blind index like the record's phone_bidx).
#define CUSTOMER_COLUMNS                                                                      \
  "SELECT c.id, c.row_key, c.name, c.phone, c.email, c.billing_address, c.notes, "            \
  "c.sms_opt_out, c.deleted_at, c.created_at, c.updated_at, c.version, "                      \
  "c.sms_opt_out_by_customer, s.state AS consent_state, s.changed_at AS consent_changed_at, " \
  "s.source AS consent_source "
#define CONSENT_JOIN "LEFT JOIN sms_consent s ON s.org_id = $1 AND s.phone_bidx = c.phone_bidx "
#define CUSTOMER_SELECT CUSTOMER_COLUMNS "FROM customers c " CONSENT_JOIN
// Blind-index matches only: up to four name tokens (more query words are
// checked after opening), the phone's or the email's token.
#define NAME_TOKEN(n)                                        \
  "AND (CAST($" #n                                           \
  " AS TEXT) IS NULL OR c.id IN (SELECT t.customer_id FROM " \
  "customer_name_tokens t WHERE t.org_id = $1 AND t.token = CAST($" #n " AS TEXT))) "

constexpr OrgSql kSelectOne(CUSTOMER_SELECT "WHERE c.org_id = $1 AND c.id = $2");
// The list's filters; PHONE and EMAIL are how $4 and $5 are matched. An
// exact phone or email search gets its own statement with a plain equality,
// so the database walks that blind index instead of every customer (the
// "$4 IS NULL OR ..." form keeps SQLite off the index). KEY is the id the
// page is ordered and cut by.
#define CUSTOMER_FILTERS(PHONE, EMAIL, MORE_TOKENS, KEY)                                \
  "AND ((CAST($2 AS BIGINT) = 1 AND c.deleted_at IS NOT NULL) OR "                      \
  "     (CAST($2 AS BIGINT) = 0 AND c.deleted_at IS NULL)) "                            \
  "AND (CAST($3 AS BIGINT) IS NULL OR "                                                 \
  "     (CASE WHEN c.sms_opt_out = 1 OR s.state = 'opted_out' THEN 1 ELSE 0 END) "      \
  "     = CAST($3 AS BIGINT)) "                                                         \
  "AND " PHONE " AND " EMAIL " " MORE_TOKENS "AND (CAST($10 AS BIGINT) IS NULL OR " KEY \
  " < CAST($10 AS BIGINT)) "                                                            \
  "ORDER BY " KEY " DESC LIMIT $11"
#define ANY_PHONE "(CAST($4 AS TEXT) IS NULL OR c.phone_bidx = CAST($4 AS TEXT))"
#define ANY_EMAIL "(CAST($5 AS TEXT) IS NULL OR c.email_bidx = CAST($5 AS TEXT))"
#define CUSTOMER_LIST(PHONE, EMAIL)                        \
  CUSTOMER_SELECT "WHERE c.org_id = $1 " CUSTOMER_FILTERS( \
      PHONE, EMAIL, NAME_TOKEN(6) NAME_TOKEN(7) NAME_TOKEN(8) NAME_TOKEN(9), "c.id")
constexpr OrgSql kListNewest(CUSTOMER_LIST(ANY_PHONE, ANY_EMAIL));
constexpr OrgSql kListByPhone(CUSTOMER_LIST("c.phone_bidx = CAST($4 AS TEXT)", ANY_EMAIL));
constexpr OrgSql kListByEmail(CUSTOMER_LIST(ANY_PHONE, "c.email_bidx = CAST($5 AS TEXT)"));
// A name search is driven by its first word's token: the database walks
// that token's rows of customer_name_tokens (its primary key is org, token,
// customer) newest customer first and stops at the page's end, instead of
// building the list of every customer sharing the word (11,149 ids for a
// common last name at 100k customers) and walking the customers past it.
constexpr OrgSql kListByName(CUSTOMER_COLUMNS
                             "FROM customer_name_tokens n JOIN customers c ON c.org_id = $1 AND "
                             "c.id = n.customer_id " CONSENT_JOIN
                             "WHERE n.org_id = $1 AND n.token = CAST($6 AS TEXT) " CUSTOMER_FILTERS(
                                 ANY_PHONE, ANY_EMAIL, NAME_TOKEN(7) NAME_TOKEN(8) NAME_TOKEN(9),
                                 "n.customer_id"));
#undef ANY_EMAIL
#undef ANY_PHONE
#undef CUSTOMER_LIST
#undef CUSTOMER_FILTERS
#undef CUSTOMER_SELECT
#undef CONSENT_JOIN
#undef CUSTOMER_COLUMNS
#undef NAME_TOKEN

constexpr OrgSql kInsert(
    "INSERT INTO customers (org_id, row_key, name, phone, email, billing_address, notes, "
    "sms_opt_out, created_at, updated_at, phone_bidx, email_bidx) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11) RETURNING id");
// Optimistic concurrency: the update applies only to the version read. The
// blind indexes follow their columns.
constexpr OrgSql kUpdate(
    "UPDATE customers SET name = COALESCE($4, name), "
    "phone = CASE WHEN CAST($5 AS BIGINT) = 1 THEN NULL ELSE COALESCE($6, phone) END, "
    "phone_bidx = CASE WHEN CAST($5 AS BIGINT) = 1 THEN NULL ELSE COALESCE($7, phone_bidx) END, "
    "email = CASE WHEN CAST($8 AS BIGINT) = 1 THEN NULL ELSE COALESCE($9, email) END, "
    "email_bidx = CASE WHEN CAST($8 AS BIGINT) = 1 THEN NULL ELSE COALESCE($10, email_bidx) END, "
    "billing_address = COALESCE($11, billing_address), notes = COALESCE($12, notes), "
    "sms_opt_out = COALESCE($13, sms_opt_out), updated_at = $14, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kDelete(
    "UPDATE customers SET deleted_at = $3, updated_at = $3, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL");
constexpr OrgSql kRestore(
    "UPDATE customers SET deleted_at = NULL, updated_at = $3, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND deleted_at IS NOT NULL");

constexpr OrgSql kSites(
    "SELECT id, customer_id, row_key, name, address, access_notes, created_at, gate_code "
    "FROM sites WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kInsertSite(
    "INSERT INTO sites (org_id, customer_id, name, address, access_notes, gate_code, "
    "created_at, updated_at, row_key) VALUES ($1, $2, $3, $4, $5, $7, $6, $6, $8) "
    "RETURNING id, customer_id, row_key, name, address, access_notes, created_at, gate_code");

template <class T>
std::optional<std::string> text_of(const std::optional<T>& t) {
  if (!t) return std::nullopt;
  return t->value;
}

std::optional<std::string> e164_of(const resource::Patch<resource::Phone>& p) {
  if (!p.is_set()) return std::nullopt;
  return p.value().e164;
}

std::optional<std::string> email_of(const resource::Patch<resource::Email>& p) {
  if (!p.is_set()) return std::nullopt;
  return p.value().value;
}

// The opened row passes the query (blind indexes are truncated HMACs: a
// token can match another value).
bool matches(const CustomerRow& r, const CustomerQuery& q) {
  if (q.phone && r.phone.value != q.phone) return false;
  if (q.email && (!r.email.value || normalised_email(*r.email.value) != normalised_email(*q.email)))
    return false;
  return q.name_words.empty() || name_matches(r.name.value, q.name_words);
}

}  // namespace

std::optional<CustomerRow> find(store::OrgTx& tx, std::int64_t id) {
  auto row = tx.one<CustomerRow>(kSelectOne, id);
  if (row) store::open_personal(tx, kCustomers, *row);
  return row;
}

std::vector<CustomerRow> list(store::OrgTx& tx, const CustomerQuery& q,
                              std::optional<std::int64_t> after_id) {
  const auto want = static_cast<std::size_t>(q.limit + 1);
  std::array<std::optional<std::string>, 4> tokens;
  for (std::size_t i = 0; i < tokens.size() && i < q.name_words.size(); ++i)
    tokens[i] = name_token(tx, q.name_words[i]);
  const auto phone = phone_bidx_or_null(tx, q.phone);
  const auto email = email_bidx_or_null(tx, q.email);
  std::vector<CustomerRow> out;
  // Without a search, every row passes: the row past the page only tells
  // the caller that there is a next page (page_of drops it), so it is not
  // opened (nothing is opened that is not shown) and leaves with its
  // personal members empty, never holding sealed text.
  const bool checked_after_opening = q.phone || q.email || !q.name_words.empty();
  // Pages of candidates until enough pass the check after opening.
  for (;;) {
    const OrgSql sql = phone       ? kListByPhone
                       : email     ? kListByEmail
                       : tokens[0] ? kListByName
                                   : kListNewest;
    auto rows = tx.all<CustomerRow>(sql, q.deleted, q.opted_out, phone, email, tokens[0], tokens[1],
                                    tokens[2], tokens[3], after_id, q.limit + 1);
    for (auto& r : rows) {
      if (!checked_after_opening && out.size() + 1 == want) {
        store::for_each_personal(r, [](std::string_view, auto& value) { value = {}; });
        out.push_back(std::move(r));
        return out;
      }
      store::open_personal(tx, kCustomers, r);
      if (matches(r, q)) out.push_back(std::move(r));
      if (out.size() == want) return out;
    }
    if (rows.size() < want) return out;
    after_id = rows.back().id;
  }
}

std::int64_t insert(store::OrgTx& tx, const NewCustomer& c, std::int64_t now) {
  const auto key = tx.new_row_key();
  const auto phone = c.phone ? std::optional(c.phone->e164) : std::nullopt;
  const auto email = c.email ? std::optional(c.email->value) : std::nullopt;
  auto r =
      tx.run(kInsert, key, tx.seal(kCustomers, "name", key, c.name.value),
             tx.seal(kCustomers, "phone", key, phone), tx.seal(kCustomers, "email", key, email),
             tx.seal(kCustomers, "billing_address", key, text_of(c.billing_address).value_or("")),
             tx.seal(kCustomers, "notes", key, text_of(c.notes).value_or("")),
             c.sms_opt_out.value_or(false), now, phone_bidx_or_null(tx, phone),
             email_bidx_or_null(tx, email));
  const auto id = r.rows.at(0).integer(0);
  write_name_tokens(tx, id, c.name.value);
  return id;
}

Expected<void, ApiError> update(store::OrgTx& tx, const CustomerRow& current,
                                const CustomerChange& c, std::int64_t now) {
  const auto& key = current.row_key;
  const auto name = text_of(c.name);
  const auto phone = e164_of(c.phone);
  const auto email = email_of(c.email);
  auto sealed = [&](std::string_view column, const std::optional<std::string>& v) {
    return tx.seal(kCustomers, column, key, v);
  };
  auto done =
      tx.update_versioned(kUpdate, "customer", current.id, c.version, sealed("name", name),
                          cleared(c.phone), sealed("phone", phone), phone_bidx_or_null(tx, phone),
                          cleared(c.email), sealed("email", email), email_bidx_or_null(tx, email),
                          sealed("billing_address", text_of(c.billing_address)),
                          sealed("notes", text_of(c.notes)), c.sms_opt_out, now);
  if (done && name) write_name_tokens(tx, current.id, *name);
  return done;
}

bool set_deleted(store::OrgTx& tx, std::int64_t id, bool deleted, std::int64_t now) {
  return tx.run(deleted ? kDelete : kRestore, id, now).affected > 0;
}

std::vector<SiteRow> sites(store::OrgTx& tx, std::int64_t customer) {
  auto rows = tx.all<SiteRow>(kSites, customer);
  store::open_personal(tx, kSitesTable, rows);
  return rows;
}

SiteRow insert_site(store::OrgTx& tx, std::int64_t customer, const NewSite& s, std::int64_t now) {
  const auto key = tx.new_row_key();
  auto row = *tx.one<SiteRow>(
      kInsertSite, customer, s.name.value, tx.seal(kSitesTable, "address", key, s.address.value),
      tx.seal(kSitesTable, "access_notes", key, text_of(s.access_notes).value_or("")), now,
      tx.seal(kSitesTable, "gate_code", key, text_of(s.gate_code).value_or("")), key);
  store::open_personal(tx, kSitesTable, row);
  return row;
}

}  // namespace bulwark::domain::customers::repo
