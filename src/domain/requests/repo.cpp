#include "domain/requests/repo.hpp"

namespace bulwark::domain::requests::repo {

namespace {

using store::OrgSql;

constexpr std::string_view kRequests = "work_requests";
constexpr std::string_view kLinks = "request_links";

constexpr OrgSql kAsset(
    "SELECT a.id AS asset_id, a.site_id AS site_id, a.name AS name, s.customer_id AS customer_id "
    "FROM assets a JOIN sites s ON s.org_id = $1 AND s.id = a.site_id "
    "WHERE a.org_id = $1 AND a.id = $2");
constexpr OrgSql kSite(
    "SELECT NULL AS asset_id, id AS site_id, name, customer_id FROM sites "
    "WHERE org_id = $1 AND id = $2");
#define LINK_SELECT                                                                              \
  "SELECT r.id, r.link_id, r.asset_id, r.site_id, r.row_key, r.token_sealed, r.created_at FROM " \
  "request_links r "
// The newest link of the asset or site that is neither revoked nor expired.
constexpr OrgSql kLive(LINK_SELECT
                       "JOIN link_tokens l ON l.org_id = $1 AND l.id = r.link_id "
                       "WHERE r.org_id = $1 AND (r.asset_id = CAST($2 AS BIGINT) OR "
                       "r.site_id = CAST($3 AS BIGINT)) AND l.revoked_at IS NULL AND "
                       "l.expires_at > $4 ORDER BY r.id DESC LIMIT 1");
constexpr OrgSql kByLink(LINK_SELECT "WHERE r.org_id = $1 AND r.link_id = $2");
#undef LINK_SELECT
constexpr OrgSql kInsertLink(
    "INSERT INTO request_links (org_id, link_id, asset_id, site_id, row_key, token_sealed, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id");

#define REQUEST_SELECT                                                               \
  "SELECT q.id, q.link_id, q.asset_id, q.site_id, q.row_key, q.requester_name, "     \
  "q.requester_phone, q.description, q.status, q.decline_reason, q.work_order_id, "  \
  "w.number AS work_order_number, q.decided_at, q.version, q.created_at, a.name AS " \
  "asset_name, s.name AS site_name, s.customer_id AS site_customer_id, w.status AS " \
  "work_order_status, q.filed_by FROM work_requests q "                              \
  "LEFT JOIN assets a ON a.org_id = $1 AND a.id = q.asset_id "                       \
  "LEFT JOIN sites s ON s.org_id = $1 AND s.id = COALESCE(q.site_id, a.site_id) "    \
  "LEFT JOIN work_orders w ON w.org_id = $1 AND w.id = q.work_order_id "
constexpr OrgSql kFind(REQUEST_SELECT "WHERE q.org_id = $1 AND q.id = $2");
// New first; 500 is more than an inbox holds between two looks.
constexpr OrgSql kList(REQUEST_SELECT
                       "WHERE q.org_id = $1 AND (CAST($2 AS TEXT) IS NULL OR q.status = "
                       "CAST($2 AS TEXT)) ORDER BY q.id DESC LIMIT 500");
constexpr OrgSql kFiledBy(REQUEST_SELECT
                          "WHERE q.org_id = $1 AND q.filed_by = $2 ORDER BY q.id DESC LIMIT 500");
#undef REQUEST_SELECT
// A live link: neither revoked nor expired (as kLive).
constexpr OrgSql kLabelledAssets(
    "SELECT DISTINCT a.id AS id, a.name AS name FROM request_links r "
    "JOIN link_tokens l ON l.org_id = $1 AND l.id = r.link_id "
    "JOIN assets a ON a.org_id = $1 AND a.id = r.asset_id "
    "WHERE r.org_id = $1 AND l.revoked_at IS NULL AND l.expires_at > $2 ORDER BY a.name, a.id");
constexpr OrgSql kLabelledSites(
    "SELECT DISTINCT s.id AS id, s.name AS name FROM request_links r "
    "JOIN link_tokens l ON l.org_id = $1 AND l.id = r.link_id "
    "JOIN sites s ON s.org_id = $1 AND s.id = r.site_id "
    "WHERE r.org_id = $1 AND l.revoked_at IS NULL AND l.expires_at > $2 ORDER BY s.name, s.id");
constexpr OrgSql kInsert(
    "INSERT INTO work_requests (org_id, link_id, asset_id, site_id, row_key, requester_name, "
    "requester_phone, description, created_at, updated_at, filed_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id");
constexpr OrgSql kFiledSince(
    "SELECT COUNT(*) AS n FROM work_requests WHERE org_id = $1 AND link_id = $2 AND "
    "created_at > $3");
constexpr OrgSql kFiledBySince(
    "SELECT COUNT(*) AS n FROM work_requests WHERE org_id = $1 AND filed_by = $2 AND "
    "created_at > $3");
constexpr OrgSql kApprove(
    "UPDATE work_requests SET status = 'approved', work_order_id = $4, decided_by = $5, "
    "decided_at = $6, updated_at = $6, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3 AND status = 'new'");
constexpr OrgSql kDecline(
    "UPDATE work_requests SET status = 'declined', decline_reason = $4, decided_by = $5, "
    "decided_at = $6, updated_at = $6, version = version + 1 "
    "WHERE org_id = $1 AND id = $2 AND version = $3 AND status = 'new'");

struct SealedLinkRow {
  std::int64_t id = 0, link_id = 0;
  std::optional<std::int64_t> asset_id, site_id;
  std::string row_key, token_sealed;
  std::int64_t created_at = 0;
};
BOOST_DESCRIBE_STRUCT(SealedLinkRow, (),
                      (id, link_id, asset_id, site_id, row_key, token_sealed, created_at))

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))
struct Count {
  std::int64_t n = 0;
};
BOOST_DESCRIBE_STRUCT(Count, (), (n))

std::optional<LinkRow> opened(store::OrgTx& tx, std::optional<SealedLinkRow> r) {
  if (!r) return std::nullopt;
  return LinkRow{r->id,
                 r->link_id,
                 r->asset_id,
                 r->site_id,
                 tx.open(kLinks, "token_sealed", r->row_key, r->token_sealed),
                 r->created_at};
}

}  // namespace

std::optional<Subject> asset(store::OrgTx& tx, std::int64_t id) {
  return tx.one<Subject>(kAsset, id);
}

std::optional<Subject> site(store::OrgTx& tx, std::int64_t id) {
  return tx.one<Subject>(kSite, id);
}

std::optional<LinkRow> live_link(store::OrgTx& tx, std::optional<std::int64_t> asset_id,
                                 std::optional<std::int64_t> site_id, std::int64_t now) {
  return opened(tx, tx.one<SealedLinkRow>(kLive, asset_id, site_id, now));
}

std::optional<LinkRow> by_link_id(store::OrgTx& tx, std::int64_t link_id) {
  return opened(tx, tx.one<SealedLinkRow>(kByLink, link_id));
}

std::int64_t insert_link(store::OrgTx& tx, std::int64_t link_id,
                         std::optional<std::int64_t> asset_id, std::optional<std::int64_t> site_id,
                         const std::string& token, std::int64_t now) {
  const auto key = tx.new_row_key();
  return tx
      .one<Returned>(kInsertLink, link_id, asset_id, site_id, key,
                     tx.seal(kLinks, "token_sealed", key, token), now)
      .value()
      .id;
}

std::int64_t insert(store::OrgTx& tx, const NewRow& r, std::int64_t now) {
  const auto key = tx.new_row_key();
  return tx
      .one<Returned>(kInsert, r.link_id, r.asset_id, r.site_id, key,
                     tx.seal(kRequests, "requester_name", key, r.name),
                     tx.seal(kRequests, "requester_phone", key, r.phone),
                     tx.seal(kRequests, "description", key, r.description), now, r.filed_by)
      .value()
      .id;
}

std::int64_t filed_since(store::OrgTx& tx, std::int64_t link_id, std::int64_t since) {
  return tx.one<Count>(kFiledSince, link_id, since).value().n;
}

std::int64_t filed_by_since(store::OrgTx& tx, std::int64_t user_id, std::int64_t since) {
  return tx.one<Count>(kFiledBySince, user_id, since).value().n;
}

std::vector<RequestRow> filed_by(store::OrgTx& tx, std::int64_t user_id) {
  auto rows = tx.all<RequestRow>(kFiledBy, user_id);
  store::open_personal(tx, kRequests, rows);
  return rows;
}

std::vector<PlaceRow> labelled_assets(store::OrgTx& tx, std::int64_t now) {
  return tx.all<PlaceRow>(kLabelledAssets, now);
}

std::vector<PlaceRow> labelled_sites(store::OrgTx& tx, std::int64_t now) {
  return tx.all<PlaceRow>(kLabelledSites, now);
}

std::optional<RequestRow> find(store::OrgTx& tx, std::int64_t id) {
  auto row = tx.one<RequestRow>(kFind, id);
  if (row) store::open_personal(tx, kRequests, *row);
  return row;
}

std::vector<RequestRow> list(store::OrgTx& tx, const std::optional<std::string>& status) {
  auto rows = tx.all<RequestRow>(kList, status);
  store::open_personal(tx, kRequests, rows);
  return rows;
}

Expected<void, ApiError> approve(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                 std::int64_t work_order_id, std::int64_t by, std::int64_t now) {
  return tx.update_versioned(kApprove, "request", id, version, work_order_id, by, now);
}

Expected<void, ApiError> decline(store::OrgTx& tx, const RequestRow& row, std::int64_t version,
                                 const std::string& reason, std::optional<std::int64_t> by,
                                 std::int64_t now) {
  return tx.update_versioned(kDecline, "request", row.id, version,
                             tx.seal(kRequests, "decline_reason", row.row_key, reason), by, now);
}

}  // namespace bulwark::domain::requests::repo
