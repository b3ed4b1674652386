#include "identity/sessions.hpp"

#include "crypto/random.hpp"
#include "identity/clock.hpp"
#include "store/org_tx.hpp"

namespace bulwark::identity {

using store::CrossTenantSql;
using store::OrgSql;

namespace {
constexpr std::size_t kTokenBytes = 32;  // 256 bits

constexpr OrgSql kInsert(
    "INSERT INTO sessions (org_id, token_hash, user_id, csrf_token, "
    "created_at, last_seen_at, expires_at, client_ip) "
    "VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id");
// A request's cookie names the session before anything names its organization.
constexpr CrossTenantSql kByToken(
    "SELECT s.id, s.user_id, s.org_id, s.csrf_token, s.last_seen_at, "
    "s.expires_at, u.role, u.email, u.active, o.session_idle_seconds, u.name, o.slug, o.name, "
    "o.time_zone, s.created_at, o.session_lifetime_seconds, o.ip_allowlist "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "JOIN orgs o ON o.id = s.org_id WHERE s.token_hash = $1");
constexpr OrgSql kOrgLifetime("SELECT session_lifetime_seconds FROM orgs WHERE id = $1");
constexpr OrgSql kDelete("DELETE FROM sessions WHERE org_id = $1 AND id = $2");
constexpr OrgSql kTouch("UPDATE sessions SET last_seen_at = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kDeleteOfUser(
    "DELETE FROM sessions WHERE org_id = $1 AND user_id = $2 AND id <> $3");
constexpr OrgSql kDeleteOfOrg("DELETE FROM sessions WHERE org_id = $1");
// The operator's `revoke-sessions --all` and the purge worker: every tenant.
constexpr CrossTenantSql kDeleteAll("DELETE FROM sessions");
constexpr CrossTenantSql kPurge(
    "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2");

std::int64_t ms(std::chrono::seconds s) { return s.count() * 1000; }
}  // namespace

NewSession create_session(store::Connection& conn, std::int64_t user_id, std::int64_t org_id,
                          const SessionPolicy& policy, std::string_view client_ip) {
  NewSession s;
  s.token = crypto::random_token(kTokenBytes);
  s.csrf_token = crypto::random_token(kTokenBytes);
  const auto now = now_ms();
  store::OrgTx tx(conn, org_id);
  auto lifetime = policy.absolute_lifetime;
  if (auto org = tx.run(kOrgLifetime); !org.empty())
    if (auto seconds = org.rows[0].optional_integer(0); seconds && *seconds > 0)
      lifetime = std::min(lifetime, std::chrono::seconds(*seconds));
  s.expires_at_ms = now + ms(lifetime);
  s.max_age_seconds = lifetime.count();
  auto r = tx.run(kInsert, crypto::sha256_hex(s.token), user_id, s.csrf_token, now, s.expires_at_ms,
                  client_ip);
  s.session_id = r.rows.at(0).integer(0);
  return s;
}

std::optional<ActiveSession> find_session(store::Database& db, std::string_view token,
                                          const SessionPolicy& policy) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto r = db.query(kByToken, {crypto::sha256_hex(token)});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  const auto now = now_ms();
  std::int64_t idle_ms = ms(policy.idle_timeout);
  if (auto org_idle = row.optional_integer(9); org_idle && *org_idle > 0)
    idle_ms = std::min(idle_ms, *org_idle * 1000);
  const auto last_seen = row.integer(4);
  // The organization's lifetime applies to sessions opened before it was set.
  std::int64_t ends_at = row.integer(5);
  if (auto org_lifetime = row.optional_integer(15); org_lifetime && *org_lifetime > 0)
    ends_at = std::min(ends_at, row.integer(14) + *org_lifetime * 1000);
  const bool expired = now >= ends_at || now - last_seen >= idle_ms;
  const auto id = row.integer(0), org_id = row.integer(2);
  if (expired || row.integer(8) == 0) {
    store::read_org(db, org_id, [&](store::OrgTx& tx) { tx.run(kDelete, id); });
    return std::nullopt;
  }
  auto role = security::parse_role(row.text(6));
  if (!role) return std::nullopt;
  if (now - last_seen >= ms(policy.touch_interval))
    store::read_org(db, org_id, [&](store::OrgTx& tx) { tx.run(kTouch, id, now); });
  return ActiveSession{row.integer(0), row.integer(1), row.integer(2), *role,
                       row.text(7),    row.text(3),    row.text(10),   row.text(11),
                       row.text(12),   row.text(13),   row.text(16)};
}

void delete_session(store::Connection& conn, std::int64_t org_id, std::int64_t session_id) {
  store::OrgTx(conn, org_id).run(kDelete, session_id);
}

std::int64_t delete_user_sessions(store::Connection& conn, std::int64_t org_id,
                                  std::int64_t user_id,
                                  std::optional<std::int64_t> except_session) {
  return store::OrgTx(conn, org_id)
      .run(kDeleteOfUser, user_id, except_session.value_or(0))
      .affected;
}

std::int64_t delete_org_sessions(store::Connection& conn, std::int64_t org_id) {
  return store::OrgTx(conn, org_id).run(kDeleteOfOrg).affected;
}

std::int64_t delete_all_sessions(store::Connection& conn) {
  return conn.query(kDeleteAll).affected;
}

std::int64_t purge_expired_sessions(store::Database& db, const SessionPolicy& policy) {
  const auto now = now_ms();
  return db.query(kPurge, {now, now - ms(policy.idle_timeout)}).affected;
}

}  // namespace bulwark::identity
