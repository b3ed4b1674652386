#include "domain/assets/repo.hpp"

#include "domain/customers/joined.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::assets::repo {

namespace {

using store::OrgSql;

constexpr OrgSql kSiteExists("SELECT 1 AS found FROM sites WHERE org_id = $1 AND id = $2");
// With the names of its site and customer.
#define ASSET_SELECT                                                                           \
  "SELECT a.id, a.site_id, a.name, a.type, a.make, a.model, a.serial, a.install_date, "        \
  "a.created_at, s.name AS site_name, s.customer_id AS customer_id, c.name AS customer_name, " \
  "c.row_key AS customer_row_key, a.parent_id, p.name AS parent_name, a.status, a.version "    \
  "FROM assets a LEFT JOIN sites s ON s.org_id = $1 AND s.id = a.site_id "                     \
  "LEFT JOIN assets p ON p.org_id = $1 AND p.id = a.parent_id "                                \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = s.customer_id "
constexpr OrgSql kSelectOne(ASSET_SELECT "WHERE a.org_id = $1 AND a.id = $2");
constexpr OrgSql kAtSite(ASSET_SELECT "WHERE a.org_id = $1 AND a.site_id = $2 ORDER BY a.id");
#undef ASSET_SELECT
// q ($2): a case-insensitive substring of the asset's name, make, model or
// serial; or the customer's name holds every word searched (up to three
// name tokens, $7-$9: the name is sealed, its words are blind indexes).
#define ASSET_NAME_TOKEN(n)                                  \
  "AND (CAST($" #n                                           \
  " AS TEXT) IS NULL OR c.id IN (SELECT t.customer_id FROM " \
  "customer_name_tokens t WHERE t.org_id = $1 AND t.token = CAST($" #n " AS TEXT))) "
constexpr OrgSql kList(
    "SELECT a.id, a.site_id, a.name, a.type, a.make, a.model, a.serial, a.install_date, "
    "a.created_at, s.name AS site_name, s.address AS site_address, s.customer_id AS customer_id, "
    "c.name AS customer_name, c.row_key AS customer_row_key, s.row_key AS site_row_key, "
    "a.parent_id, p.name AS parent_name, a.status, a.version, "
    "(SELECT COUNT(*) FROM work_orders w WHERE w.org_id = $1 AND w.asset_id = a.id "
    " AND w.status NOT IN ('completed', 'closed', 'cancelled')) AS open_work_orders "
    "FROM assets a "
    "JOIN sites s ON s.org_id = $1 AND s.id = a.site_id "
    "LEFT JOIN assets p ON p.org_id = $1 AND p.id = a.parent_id "
    "LEFT JOIN customers c ON c.org_id = $1 AND c.id = s.customer_id "
    "WHERE a.org_id = $1 AND (c.id IS NULL OR c.deleted_at IS NULL) "
    "AND (CAST($2 AS TEXT) IS NULL OR lower(a.name) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
    "  OR lower(a.make) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
    "  OR lower(a.model) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
    "  OR lower(a.serial) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
    "  OR (CAST($7 AS TEXT) IS NOT NULL " ASSET_NAME_TOKEN(7) ASSET_NAME_TOKEN(8)
    ASSET_NAME_TOKEN(9) ")) "
    "AND (CAST($3 AS TEXT) IS NULL OR a.type = CAST($3 AS TEXT)) "
    "AND (CAST($4 AS BIGINT) IS NULL OR s.customer_id = CAST($4 AS BIGINT)) "
    "AND (CAST($5 AS BIGINT) IS NULL OR a.id > CAST($5 AS BIGINT)) "
    "AND (CAST($10 AS TEXT) IS NULL OR a.status = CAST($10 AS TEXT)) "
    "AND (CAST($11 AS BIGINT) IS NULL OR a.parent_id = CAST($11 AS BIGINT)) "
    "AND (CAST($12 AS BIGINT) IS NULL OR a.site_id = CAST($12 AS BIGINT)) "
    "ORDER BY a.id LIMIT $6");
#undef ASSET_NAME_TOKEN
constexpr OrgSql kInsert(
    "INSERT INTO assets (org_id, site_id, name, type, make, model, serial, install_date, "
    "created_at, parent_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");

// Existence check and lock in one: the no-op UPDATE holds the asset's row
// until commit on PostgreSQL (SQLite's write transaction holds the
// database), so concurrent readings of one asset are checked one after the
// other against each other, never against a stale set.
constexpr OrgSql kLock("UPDATE assets SET created_at = created_at WHERE org_id = $1 AND id = $2");
// Same time counts as before.
constexpr OrgSql kBounds(
    "SELECT (SELECT MAX(value) FROM meter_readings WHERE org_id = $1 AND asset_id = $2 "
    "AND kind = $3 AND read_at <= $4) AS earlier_max, "
    "(SELECT MIN(value) FROM meter_readings WHERE org_id = $1 AND asset_id = $2 "
    "AND kind = $3 AND read_at > $4) AS later_min");
constexpr OrgSql kInsertReading(
    "INSERT INTO meter_readings (org_id, asset_id, kind, value, read_at, recorded_by) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id");
constexpr OrgSql kReadings(
    "SELECT id, kind, value, read_at, recorded_by FROM meter_readings "
    "WHERE org_id = $1 AND asset_id = $2 AND (CAST($3 AS TEXT) IS NULL OR kind = CAST($3 AS TEXT)) "
    "ORDER BY read_at DESC, id DESC LIMIT $4");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

template <class T>
std::string text_or_empty(const std::optional<T>& t) {
  return t ? t->value : std::string();
}

// The rows with their customer's name (and site's address) opened.
template <class Row, class... P>
std::vector<Row> opened(store::OrgTx& tx, OrgSql sql, const P&... params) {
  return customers::decode_opened<Row>(
      tx.run(sql, params...), [&](Row& r, const auto& customer_key, const auto& site_key) {
        customers::open_joined(tx, "customers", "name", customer_key, r.customer_name);
        if constexpr (requires { r.site_address; })
          customers::open_joined(tx, "sites", "address", site_key, r.site_address);
      });
}

}  // namespace

bool site_exists(store::OrgTx& tx, std::int64_t site) { return !tx.run(kSiteExists, site).empty(); }

std::optional<AssetView> find(store::OrgTx& tx, std::int64_t id) {
  auto rows = opened<AssetView>(tx, kSelectOne, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<AssetView> at_site(store::OrgTx& tx, std::int64_t site) {
  return opened<AssetView>(tx, kAtSite, site);
}

std::vector<AssetSummary> list(store::OrgTx& tx, const AssetQuery& q) {
  const auto names = customers::name_tokens_of<3>(tx, q.customer_words);
  return opened<AssetSummary>(tx, kList, q.like, q.type, q.customer_id, q.after_id, q.limit + 1,
                              names[0], names[1], names[2], q.status, q.parent_id, q.site_id);
}

std::int64_t insert(store::OrgTx& tx, std::int64_t site, const NewAsset& a, std::int64_t now) {
  return tx
      .one<Returned>(kInsert, site, a.name, text_or_empty(a.type), text_or_empty(a.make),
                     text_or_empty(a.model), text_or_empty(a.serial), a.install_date, now,
                     a.parent_id ? std::optional(a.parent_id->id) : std::nullopt)
      .value()
      .id;
}

bool lock(store::OrgTx& tx, std::int64_t asset) { return tx.run(kLock, asset).affected > 0; }

ReadingBounds bounds(store::OrgTx& tx, std::int64_t asset, const std::string& kind,
                     std::int64_t read_at) {
  return tx.one<ReadingBounds>(kBounds, asset, kind, read_at).value_or(ReadingBounds{});
}

std::int64_t insert_reading(store::OrgTx& tx, std::int64_t asset, const std::string& kind,
                            double value, std::int64_t read_at, std::int64_t recorded_by) {
  return tx.one<Returned>(kInsertReading, asset, kind, value, read_at, recorded_by).value().id;
}

std::vector<ReadingView> readings(store::OrgTx& tx, std::int64_t asset,
                                  const std::optional<std::string>& kind, std::int64_t limit) {
  return tx.all<ReadingView>(kReadings, asset, kind, limit);
}

}  // namespace bulwark::domain::assets::repo
