#pragma once
// The token side of the API clients (RFC 6749 section 4.4, RFC 7009): a
// client authenticates with its public id and secret and gets an opaque
// bearer token for an hour; a token names its client, its organization and
// the scopes it was granted. Lookups by client id and by token hash cross
// organizations by nature (the request names no organization), as a session
// cookie's does. Only SHA-256 hashes of secrets and tokens are stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/actor.hpp"
#include "security/roles.hpp"
#include "store/database.hpp"

namespace bulwark::domain::api_clients {

inline constexpr std::int64_t kTokenLifetimeSeconds = 3600;

// A client that proved its secret and may ask for tokens.
struct AuthenticatedClient {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::int64_t created_by = 0;
  std::vector<std::string> scopes;
  std::vector<std::string> allowed_ips;
};

// nullopt for an unknown id, a wrong secret (constant-time compare), a
// revoked or expired client, or one whose creator was deactivated. A known
// client with a failed attempt leaves an audit entry (outcome failure).
std::optional<AuthenticatedClient> authenticate_client(store::Database& db,
                                                       std::string_view client_id,
                                                       std::string_view secret, std::int64_t now,
                                                       std::string_view ip);

struct IssuedToken {
  std::string access_token;  // shown once; stored as SHA-256
  std::vector<std::string> scopes;
  std::int64_t expires_in = kTokenLifetimeSeconds;
};
// `scopes` already checked against the client's. Audited (oauth.token_issued).
IssuedToken issue_token(store::Database& db, const AuthenticatedClient& client,
                        std::vector<std::string> scopes, std::int64_t now, std::string_view ip);

// RFC 7009: the client's own token, if it is one; nothing otherwise.
void revoke_token(store::Database& db, const AuthenticatedClient& client, std::string_view token,
                  std::string_view ip);

// A live token: not expired, its client neither revoked nor expired, its
// creator active.
struct TokenHolder {
  std::int64_t client_id = 0;
  std::string client_name;
  std::int64_t org_id = 0;
  std::int64_t created_by = 0;
  security::Role role = security::Role::viewer;  // the ceiling
  std::vector<std::string> scopes;
  std::vector<std::string> allowed_ips;
  std::optional<std::int64_t> last_used_at;
  std::string org_slug, org_name, org_time_zone;
  // The organization's own IP allowlist binds its clients too (after their
  // own allowed_ips): canonical ranges, comma-separated.
  std::string org_ip_allowlist;
};
std::optional<TokenHolder> find_token(store::Database& db, std::string_view token,
                                      std::int64_t now);

// last_used_at, written at most once a minute.
void record_use(store::Database& db, const TokenHolder& holder, std::int64_t now);

// Whether a client with these allowed ranges (canonical CIDR text; empty:
// anywhere) may be used from `ip`, the address through the trusted proxy.
bool allowed_from(const std::vector<std::string>& ranges, std::string_view ip);

// An audit entry of a refusal that names the client (e.g. an address
// outside its allowlist).
void audit_refusal(store::Database& db, std::int64_t org_id, std::int64_t client_id,
                   std::string action, std::string_view ip);

}  // namespace bulwark::domain::api_clients
