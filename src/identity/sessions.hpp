#pragma once
// Server-side sessions. The cookie holds 256 random bits; the database holds
// only their SHA-256, so a read of the sessions table yields no usable
// cookie. Sessions live in the database, so every instance on the same
// PostgreSQL accepts them, and logout or revocation takes effect everywhere.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "security/roles.hpp"
#include "store/database.hpp"

namespace bulwark::identity {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{24 * 3600};  // MUST-010; an org may set it shorter
  std::chrono::seconds absolute_lifetime{24 *
                                         3600};  // cookie Max-Age never exceeds 86400 (MUST-004)
  std::chrono::seconds touch_interval{60};       // last_seen written at most this often
};

struct NewSession {
  std::string token;       // goes in the cookie, never stored
  std::string csrf_token;  // bound to this session, readable by the web app
  std::int64_t session_id = 0;
  std::int64_t expires_at_ms = 0;
  std::int64_t max_age_seconds = 0;  // the cookie's: the stricter of server and org lifetime
};

struct ActiveSession {
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  std::int64_t org_id = 0;
  security::Role role = security::Role::viewer;
  std::string email;
  std::string csrf_token;
  // Read in the same query, so GET /auth/me needs no other.
  std::string user_name;
  std::string org_slug;
  std::string org_name;
  std::string org_time_zone;     // IANA name, for the web app's clocks
  std::string org_ip_allowlist;  // canonical CIDR ranges, comma-separated; "" allows all
};

NewSession create_session(store::Connection& conn, std::int64_t user_id, std::int64_t org_id,
                          const SessionPolicy& policy, std::string_view client_ip);

// The live session for a cookie token: not expired (idle per the stricter of
// policy and org setting, or absolute), user active. Touches last_seen at
// most once per touch_interval. Expired sessions are deleted when seen.
std::optional<ActiveSession> find_session(store::Database& db, std::string_view token,
                                          const SessionPolicy& policy);

void delete_session(store::Connection& conn, std::int64_t org_id, std::int64_t session_id);
// Returns the number of sessions ended.
std::int64_t delete_user_sessions(store::Connection& conn, std::int64_t org_id,
                                  std::int64_t user_id,
                                  std::optional<std::int64_t> except_session = std::nullopt);
std::int64_t delete_org_sessions(store::Connection& conn, std::int64_t org_id);
std::int64_t delete_all_sessions(store::Connection& conn);
// Removes expired rows (called by the periodic sweep).
std::int64_t purge_expired_sessions(store::Database& db, const SessionPolicy& policy);

}  // namespace bulwark::identity
