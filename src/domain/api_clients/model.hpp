#pragma once
// OAuth 2.0 API clients (issue 15 item 3, RFC 6749 section 4.4): an
// organization's integration, with a role ceiling, the scopes it may ask
// for, an optional expiry and IP allowlist. Its secret is shown once and
// kept only as SHA-256; its tokens (domain/api_clients/tokens.hpp) last an hour.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"
#include "resource/schema.hpp"

namespace bulwark::domain::api_clients {

using resource::Name;
using resource::Text;
using resource::Time;

// A JSON array of short strings (scopes, CIDR ranges), at most Max of them.
template <std::size_t Max>
struct WordList {
  std::vector<std::string> values;
};
bool read_word_list(const boost::json::value& v, std::vector<std::string>& out, std::size_t max,
                    std::string& problem);
template <std::size_t Max>
bool read_value(const boost::json::value& v, WordList<Max>& out, std::string& problem) {
  return read_word_list(v, out.values, Max, problem);
}

struct NewApiClient {  // POST /api/v1/api-clients
  Name<100> name;
  WordList<64> scopes;  // e.g. ["work_orders:read", "customers:write"]
  Name<20> role;        // the ceiling: at most the creator's role, never owner
  Text<500, 0> purpose;
  std::optional<Time> expires_at;
  std::optional<WordList<50>> allowed_ips;  // CIDR ranges; absent or empty: anywhere
};
BULWARK_RESOURCE(NewApiClient, name, scopes, role, purpose, expires_at, allowed_ips)

// An api_clients row (never its secret_hash, which only the token endpoint reads).
struct ApiClientRow {
  std::int64_t id = 0;
  std::string client_id, name, purpose, scopes, role, allowed_ips;
  std::int64_t created_by = 0, created_at = 0;
  std::optional<std::int64_t> expires_at, revoked_at, last_used_at;
};
BOOST_DESCRIBE_STRUCT(ApiClientRow, (),
                      (id, client_id, name, purpose, scopes, role, allowed_ips, created_by,
                       created_at, expires_at, revoked_at, last_used_at))

// What the admin page lists: never the secret.
struct ApiClientView {
  std::int64_t id = 0;
  std::string client_id, name, purpose, role;
  std::vector<std::string> scopes, allowed_ips;
  std::int64_t created_by = 0;
  Time created_at;
  std::optional<Time> expires_at, revoked_at, last_used_at;
};
BULWARK_RESOURCE(ApiClientView, id, client_id, name, purpose, role, scopes, allowed_ips, created_by,
                 created_at, expires_at, revoked_at, last_used_at)

// The answer to a creation: the client and its secret, shown this once.
struct CreatedApiClient {
  std::int64_t id = 0;
  std::string client_id, client_secret, name, purpose, role;
  std::vector<std::string> scopes, allowed_ips;
  std::optional<Time> expires_at;
  Time created_at;
};
BULWARK_RESOURCE(CreatedApiClient, id, client_id, client_secret, name, purpose, role, scopes,
                 allowed_ips, expires_at, created_at)

// Space-separated lists in the row (RFC 6749's scope syntax), vectors outside.
std::vector<std::string> split_words(std::string_view text);
std::string join_words(const std::vector<std::string>& words);

}  // namespace bulwark::domain::api_clients

namespace bulwark::resource {
template <std::size_t Max>
struct Schema<domain::api_clients::WordList<Max>> : Schema<std::vector<std::string>> {
  static boost::json::object json() {
    return {{"type", "array"}, {"items", {{"type", "string"}}}, {"maxItems", Max}};
  }
};
}  // namespace bulwark::resource
