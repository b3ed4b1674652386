#include "domain/api_clients/repo.hpp"

namespace bulwark::domain::api_clients::repo {

namespace {

using store::OrgSql;

#define API_CLIENT_SELECT                                                                    \
  "SELECT id, client_id, name, purpose, scopes, role, allowed_ips, created_by, created_at, " \
  "expires_at, revoked_at, last_used_at FROM api_clients "
constexpr OrgSql kFind(API_CLIENT_SELECT "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kList(API_CLIENT_SELECT "WHERE org_id = $1 ORDER BY id DESC LIMIT 500");
#undef API_CLIENT_SELECT
constexpr OrgSql kInsert(
    "INSERT INTO api_clients (org_id, client_id, secret_hash, name, purpose, scopes, role, "
    "allowed_ips, created_by, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id");
constexpr OrgSql kRevoke(
    "UPDATE api_clients SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL");
constexpr OrgSql kDeleteTokensOf(
    "DELETE FROM oauth_tokens WHERE org_id = $1 AND api_client_id = $2");
constexpr OrgSql kInsertToken(
    "INSERT INTO oauth_tokens (org_id, api_client_id, token_hash, scopes, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id");
constexpr OrgSql kDeleteExpired(
    "DELETE FROM oauth_tokens WHERE org_id = $1 AND api_client_id = $2 AND expires_at <= $3");
constexpr OrgSql kDeleteToken(
    "DELETE FROM oauth_tokens WHERE org_id = $1 AND api_client_id = $2 AND token_hash = $3");
constexpr OrgSql kTouch("UPDATE api_clients SET last_used_at = $3 WHERE org_id = $1 AND id = $2");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

}  // namespace

std::int64_t insert(store::OrgTx& tx, const NewRow& r, std::int64_t now) {
  return tx
      .one<Returned>(kInsert, r.client_id, r.secret_hash, r.name, r.purpose, r.scopes, r.role,
                     r.allowed_ips, r.created_by, now, r.expires_at)
      .value()
      .id;
}

std::optional<ApiClientRow> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<ApiClientRow>(kFind, id);
}

std::vector<ApiClientRow> list(store::OrgTx& tx) { return tx.all<ApiClientRow>(kList); }

void revoke(store::OrgTx& tx, std::int64_t id, std::int64_t now) {
  tx.run(kRevoke, id, now);
  tx.run(kDeleteTokensOf, id);
}

std::int64_t insert_token(store::OrgTx& tx, std::int64_t client, const std::string& token_hash,
                          const std::string& scopes, std::int64_t now, std::int64_t expires_at) {
  return tx.one<Returned>(kInsertToken, client, token_hash, scopes, now, expires_at).value().id;
}

void delete_expired_tokens(store::OrgTx& tx, std::int64_t client, std::int64_t now) {
  tx.run(kDeleteExpired, client, now);
}

std::int64_t delete_token(store::OrgTx& tx, std::int64_t client, const std::string& token_hash) {
  return tx.run(kDeleteToken, client, token_hash).affected;
}

void touch(store::OrgTx& tx, std::int64_t client, std::int64_t now) { tx.run(kTouch, client, now); }

}  // namespace bulwark::domain::api_clients::repo
