#include "domain/sso/repo.hpp"

#include <boost/describe.hpp>

namespace bulwark::domain::sso {

using store::CrossTenantSql;
using store::OrgSql;

namespace {

constexpr std::string_view kProviders = "identity_providers";
constexpr std::string_view kLogins = "sso_logins";

struct ProviderRow {
  std::string issuer, client_id, client_secret, row_key;
  std::optional<std::string> jit_role;
  std::int64_t enabled = 0;
};
BOOST_DESCRIBE_STRUCT(ProviderRow, (),
                      (issuer, client_id, client_secret, row_key, jit_role, enabled))

struct DomainRow {
  std::string domain;
  std::int64_t verified_at = 0;
};
BOOST_DESCRIBE_STRUCT(DomainRow, (), (domain, verified_at))

struct LoginRow {
  std::int64_t id = 0, org_id = 0, expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::string nonce, code_verifier, row_key;
};
BOOST_DESCRIBE_STRUCT(LoginRow, (),
                      (id, org_id, expires_at, used_at, nonce, code_verifier, row_key))

struct UserIdRow {
  std::int64_t user_id = 0;
};
BOOST_DESCRIBE_STRUCT(UserIdRow, (), (user_id))

struct OrgIdRow {
  std::int64_t org_id = 0;
};
BOOST_DESCRIBE_STRUCT(OrgIdRow, (), (org_id))

constexpr OrgSql kProvider(
    "SELECT issuer, client_id, client_secret, row_key, jit_role, enabled "
    "FROM identity_providers WHERE org_id = $1");
constexpr OrgSql kUpdateProvider(
    "UPDATE identity_providers SET issuer = $2, client_id = $3, client_secret = $4, "
    "row_key = $5, jit_role = $6, enabled = $7, updated_at = $8 WHERE org_id = $1");
constexpr OrgSql kInsertProvider(
    "INSERT INTO identity_providers (org_id, issuer, client_id, client_secret, row_key, "
    "jit_role, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)");
constexpr OrgSql kDomains(
    "SELECT domain, verified_at FROM org_domains WHERE org_id = $1 ORDER BY domain");
constexpr OrgSql kHasDomain(
    "SELECT domain, verified_at FROM org_domains "
    "WHERE org_id = $1 AND domain = $2");
constexpr OrgSql kInsertDomain(
    "INSERT INTO org_domains (org_id, domain, verified_at, created_at) VALUES ($1, $2, $3, $3)");
constexpr CrossTenantSql kOrgOfDomain("SELECT org_id FROM org_domains WHERE domain = $1");
constexpr OrgSql kPurgeLogins("DELETE FROM sso_logins WHERE org_id = $1 AND expires_at < $2");
constexpr OrgSql kInsertLogin(
    "INSERT INTO sso_logins (org_id, state_hash, nonce, code_verifier, row_key, created_at, "
    "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
// The state names its organization before anything else does (like a link
// token): the one cross-tenant read of the callback, by the state's hash.
constexpr CrossTenantSql kLoginByHash(
    "SELECT id, org_id, expires_at, used_at, nonce, code_verifier, row_key FROM sso_logins "
    "WHERE state_hash = $1");
constexpr OrgSql kUseLogin(
    "UPDATE sso_logins SET used_at = $3 WHERE org_id = $1 AND id = $2 AND used_at IS NULL");
constexpr OrgSql kIdentity(
    "SELECT user_id FROM sso_identities WHERE org_id = $1 AND issuer = $2 AND subject = $3");
constexpr OrgSql kLinkIdentity(
    "INSERT INTO sso_identities (org_id, issuer, subject, user_id, created_at, last_login_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)");
constexpr OrgSql kTouchIdentity(
    "UPDATE sso_identities SET last_login_at = $4 WHERE org_id = $1 AND issuer = $2 "
    "AND subject = $3");

}  // namespace

std::optional<Provider> find_provider(store::OrgTx& tx) {
  auto row = tx.one<ProviderRow>(kProvider);
  if (!row) return std::nullopt;
  Provider p;
  p.issuer = row->issuer;
  p.client_id = row->client_id;
  p.client_secret = tx.open(kProviders, "client_secret", row->row_key, row->client_secret);
  p.jit_role = row->jit_role;
  p.enabled = row->enabled != 0;
  return p;
}

void save_provider(store::OrgTx& tx, const Provider& p, std::int64_t now) {
  const auto row_key = tx.new_row_key();
  const auto sealed = tx.seal(kProviders, "client_secret", row_key, p.client_secret);
  const store::Value role = p.jit_role ? store::Value(*p.jit_role) : store::Value(nullptr);
  if (tx.run(kUpdateProvider, p.issuer, p.client_id, sealed, row_key, role, p.enabled, now)
          .affected == 0)
    tx.run(kInsertProvider, p.issuer, p.client_id, sealed, row_key, role, p.enabled, now);
}

std::vector<VerifiedDomain> list_domains(store::OrgTx& tx) {
  std::vector<VerifiedDomain> out;
  for (auto& r : tx.all<DomainRow>(kDomains)) out.push_back({r.domain, r.verified_at});
  return out;
}

std::optional<std::int64_t> org_of_domain(store::Database& db, std::string_view domain) {
  std::optional<std::int64_t> out;
  db.with_connection([&](store::Connection& c) {
    if (auto r = store::decode_first<OrgIdRow>(c.query(kOrgOfDomain, {std::string(domain)})))
      out = r->org_id;
  });
  return out;
}

bool org_has_domain(store::OrgTx& tx, std::string_view domain) {
  return tx.one<DomainRow>(kHasDomain, std::string(domain)).has_value();
}

void add_domain(store::OrgTx& tx, std::string_view domain, std::int64_t now) {
  tx.run(kInsertDomain, std::string(domain), now);
}

void insert_login(store::OrgTx& tx, std::string_view state_hash, std::string_view nonce,
                  std::string_view code_verifier, std::int64_t now, std::int64_t expires_at) {
  tx.run(kPurgeLogins, now);
  const auto row_key = tx.new_row_key();
  tx.run(kInsertLogin, std::string(state_hash), tx.seal(kLogins, "nonce", row_key, nonce),
         tx.seal(kLogins, "code_verifier", row_key, code_verifier), row_key, now, expires_at);
}

std::optional<PendingLogin> take_login(store::Database& db, std::string_view state_hash,
                                       std::int64_t now) {
  std::optional<LoginRow> row;
  db.with_connection([&](store::Connection& c) {
    row = store::decode_first<LoginRow>(c.query(kLoginByHash, {std::string(state_hash)}));
  });
  if (!row || row->used_at || row->expires_at <= now) return std::nullopt;
  return store::in_org(db, row->org_id, [&](store::OrgTx& tx) -> std::optional<PendingLogin> {
    // Once: a replayed state, or two callbacks racing, find it used.
    if (tx.run(kUseLogin, row->id, now).affected == 0) return std::nullopt;
    return PendingLogin{row->org_id, tx.open(kLogins, "nonce", row->row_key, row->nonce),
                        tx.open(kLogins, "code_verifier", row->row_key, row->code_verifier)};
  });
}

std::optional<std::int64_t> user_of_identity(store::OrgTx& tx, std::string_view issuer,
                                             std::string_view subject) {
  auto r = tx.one<UserIdRow>(kIdentity, std::string(issuer), std::string(subject));
  if (!r) return std::nullopt;
  return r->user_id;
}

void link_identity(store::OrgTx& tx, std::string_view issuer, std::string_view subject,
                   std::int64_t user_id, std::int64_t now) {
  tx.run(kLinkIdentity, std::string(issuer), std::string(subject), user_id, now);
}

void touch_identity(store::OrgTx& tx, std::string_view issuer, std::string_view subject,
                    std::int64_t now) {
  tx.run(kTouchIdentity, std::string(issuer), std::string(subject), now);
}

}  // namespace bulwark::domain::sso
