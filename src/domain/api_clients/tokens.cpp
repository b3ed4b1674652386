#include "domain/api_clients/tokens.hpp"

#include "crypto/random.hpp"
#include "domain/api_clients/model.hpp"
#include "domain/api_clients/repo.hpp"
#include "net/ip_ranges.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::api_clients {

namespace {

using store::CrossTenantSql;

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::int64_t kTouchIntervalMs = 60'000;

// The token endpoint's request names a client, not an organization.
constexpr CrossTenantSql kClientByPublicId(
    "SELECT c.id, c.org_id, c.secret_hash, c.scopes, c.allowed_ips, c.created_by, c.expires_at, "
    "c.revoked_at, u.active FROM api_clients c JOIN users u ON u.id = c.created_by "
    "WHERE c.client_id = $1");
// A bearer token names its client before anything names its organization.
constexpr CrossTenantSql kByToken(
    "SELECT t.api_client_id, c.name, t.org_id, c.created_by, c.role, t.scopes, c.allowed_ips, "
    "c.last_used_at, o.slug, o.name, o.time_zone, t.expires_at, c.expires_at, c.revoked_at, "
    "u.active, o.ip_allowlist FROM oauth_tokens t JOIN api_clients c ON c.id = t.api_client_id "
    "AND c.org_id = t.org_id JOIN users u ON u.id = c.created_by JOIN orgs o ON o.id = t.org_id "
    "WHERE t.token_hash = $1");

// Bounds before hashing: nothing longer is ever issued.
constexpr std::size_t kMaxCredentialLength = 128;

bool live(std::int64_t now, std::optional<std::int64_t> expires_at,
          std::optional<std::int64_t> revoked_at, std::int64_t creator_active) {
  return !revoked_at && (!expires_at || now < *expires_at) && creator_active != 0;
}

audit::Actor client_actor(std::int64_t org_id, std::int64_t client_id, std::int64_t created_by,
                          std::string_view ip) {
  audit::Actor a;
  a.org_id = org_id;
  a.type = "api_client";
  a.user_id = created_by;
  a.client_id = client_id;
  a.ip = std::string(ip);
  return a;
}

}  // namespace

std::optional<AuthenticatedClient> authenticate_client(store::Database& db,
                                                       std::string_view client_id,
                                                       std::string_view secret, std::int64_t now,
                                                       std::string_view ip) {
  if (client_id.empty() || client_id.size() > kMaxCredentialLength ||
      secret.size() > kMaxCredentialLength)
    return std::nullopt;
  const auto presented = crypto::sha256_hex(secret);
  auto r = db.query(kClientByPublicId, {std::string(client_id)});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  const auto id = row.integer(0), org_id = row.integer(1), created_by = row.integer(5);
  const bool secret_ok = crypto::constant_time_equal(presented, row.text(2));
  if (!secret_ok || !live(now, row.optional_integer(6), row.optional_integer(7), row.integer(8))) {
    audit::Entry e = client_actor(org_id, id, created_by, ip)
                         .entry("oauth.client_auth_failed", "api_client", std::to_string(id));
    e.outcome = "failure";
    audit::append(db, e);
    return std::nullopt;
  }
  return AuthenticatedClient{id, org_id, created_by, split_words(row.text(3)),
                             split_words(row.text(4))};
}

IssuedToken issue_token(store::Database& db, const AuthenticatedClient& client,
                        std::vector<std::string> scopes, std::int64_t now, std::string_view ip) {
  IssuedToken out;
  out.access_token = crypto::random_token(kTokenBytes);
  out.scopes = std::move(scopes);
  const auto hash = crypto::sha256_hex(out.access_token);
  store::in_org(db, client.org_id, [&](store::OrgTx& tx) {
    repo::delete_expired_tokens(tx, client.id, now);
    const auto token_id = repo::insert_token(tx, client.id, hash, join_words(out.scopes), now,
                                             now + kTokenLifetimeSeconds * 1000);
    client_actor(client.org_id, client.id, client.created_by, ip)
        .record(tx.connection(), "oauth.token_issued", "oauth_token", token_id, {"scope"});
  });
  return out;
}

void revoke_token(store::Database& db, const AuthenticatedClient& client, std::string_view token,
                  std::string_view ip) {
  if (token.empty() || token.size() > kMaxCredentialLength) return;
  const auto hash = crypto::sha256_hex(token);
  store::in_org(db, client.org_id, [&](store::OrgTx& tx) {
    if (repo::delete_token(tx, client.id, hash) > 0)
      client_actor(client.org_id, client.id, client.created_by, ip)
          .record(tx.connection(), "oauth.token_revoked", "api_client", client.id);
  });
}

std::optional<TokenHolder> find_token(store::Database& db, std::string_view token,
                                      std::int64_t now) {
  if (token.empty() || token.size() > kMaxCredentialLength) return std::nullopt;
  auto r = db.query(kByToken, {crypto::sha256_hex(token)});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  if (now >= row.integer(11) ||
      !live(now, row.optional_integer(12), row.optional_integer(13), row.integer(14)))
    return std::nullopt;
  const auto role = security::parse_role(row.text(4));
  if (!role || *role == security::Role::owner) return std::nullopt;
  return TokenHolder{row.integer(0),
                     row.text(1),
                     row.integer(2),
                     row.integer(3),
                     *role,
                     split_words(row.text(5)),
                     split_words(row.text(6)),
                     row.optional_integer(7),
                     row.text(8),
                     row.text(9),
                     row.text(10),
                     row.text(15)};
}

void record_use(store::Database& db, const TokenHolder& holder, std::int64_t now) {
  if (holder.last_used_at && now - *holder.last_used_at < kTouchIntervalMs) return;
  store::in_org(db, holder.org_id,
                [&](store::OrgTx& tx) { repo::touch(tx, holder.client_id, now); });
}

bool allowed_from(const std::vector<std::string>& ranges, std::string_view ip) {
  if (ranges.empty()) return true;
  std::vector<net::IpRange> parsed;
  parsed.reserve(ranges.size());
  for (const auto& text : ranges)
    if (auto range = net::parse_ip_range(text)) parsed.push_back(*range);
  return net::any_range_contains(parsed, ip);
}

void audit_refusal(store::Database& db, std::int64_t org_id, std::int64_t client_id,
                   std::string action, std::string_view ip) {
  audit::Entry e;
  e.org_id = org_id;
  e.actor_type = "api_client";
  e.actor_id = client_id;
  e.action = std::move(action);
  e.target_type = "api_client";
  e.target_id = std::to_string(client_id);
  e.ip = std::string(ip);
  e.outcome = "denied";
  audit::append(db, e);
}

}  // namespace bulwark::domain::api_clients
