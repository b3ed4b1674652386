#include "identity/sessions.hpp"

#include "crypto/random.hpp"
#include "identity/clock.hpp"

namespace bulwark::identity {

using store::Sql;

namespace {
constexpr std::size_t kTokenBytes = 32;  // 256 bits

std::int64_t ms(std::chrono::seconds s) { return s.count() * 1000; }
}  // namespace

NewSession create_session(store::Connection& conn, std::int64_t user_id, std::int64_t org_id,
                          const SessionPolicy& policy, std::string_view client_ip) {
  NewSession s;
  s.token = crypto::random_token(kTokenBytes);
  s.csrf_token = crypto::random_token(kTokenBytes);
  const auto now = now_ms();
  s.expires_at_ms = now + ms(policy.absolute_lifetime);
  auto r = conn.query(Sql("INSERT INTO sessions (token_hash, user_id, org_id, csrf_token, "
                          "created_at, last_seen_at, expires_at, client_ip) "
                          "VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id"),
                      {crypto::sha256_hex(s.token), user_id, org_id, s.csrf_token, now,
                       s.expires_at_ms, std::string(client_ip)});
  s.session_id = r.rows.at(0).integer(0);
  return s;
}

std::optional<ActiveSession> find_session(store::Database& db, std::string_view token,
                                          const SessionPolicy& policy) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto r = db.query(Sql("SELECT s.id, s.user_id, s.org_id, s.csrf_token, s.last_seen_at, "
                        "s.expires_at, u.role, u.email, u.active, o.session_idle_seconds, u.name, "
                        "o.slug, o.name, "
                        "o.time_zone "
                        "FROM sessions s JOIN users u ON u.id = s.user_id "
                        "JOIN orgs o ON o.id = s.org_id WHERE s.token_hash = $1"),
                    {crypto::sha256_hex(token)});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  const auto now = now_ms();
  std::int64_t idle_ms = ms(policy.idle_timeout);
  if (auto org_idle = row.optional_integer(9); org_idle && *org_idle > 0)
    idle_ms = std::min(idle_ms, *org_idle * 1000);
  const auto last_seen = row.integer(4);
  const bool expired = now >= row.integer(5) || now - last_seen >= idle_ms;
  if (expired || row.integer(8) == 0) {
    db.query(Sql("DELETE FROM sessions WHERE id = $1"), {row.integer(0)});
    return std::nullopt;
  }
  auto role = security::parse_role(row.text(6));
  if (!role) return std::nullopt;
  if (now - last_seen >= ms(policy.touch_interval))
    db.query(Sql("UPDATE sessions SET last_seen_at = $2 WHERE id = $1"), {row.integer(0), now});
  return ActiveSession{row.integer(0), row.integer(1), row.integer(2), *role,        row.text(7),
                       row.text(3),    row.text(10),   row.text(11),   row.text(12), row.text(13)};
}

void delete_session(store::Connection& conn, std::int64_t session_id) {
  conn.query(Sql("DELETE FROM sessions WHERE id = $1"), {session_id});
}

std::int64_t delete_user_sessions(store::Connection& conn, std::int64_t user_id,
                                  std::optional<std::int64_t> except_session) {
  return conn
      .query(Sql("DELETE FROM sessions WHERE user_id = $1 AND id <> $2"),
             {user_id, except_session.value_or(0)})
      .affected;
}

std::int64_t delete_org_sessions(store::Connection& conn, std::int64_t org_id) {
  return conn.query(Sql("DELETE FROM sessions WHERE org_id = $1"), {org_id}).affected;
}

std::int64_t delete_all_sessions(store::Connection& conn) {
  return conn.query(Sql("DELETE FROM sessions")).affected;
}

std::int64_t purge_expired_sessions(store::Database& db, const SessionPolicy& policy) {
  const auto now = now_ms();
  return db
      .query(Sql("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2"),
             {now, now - ms(policy.idle_timeout)})
      .affected;
}

}  // namespace bulwark::identity
