#pragma once
// The API clients' organization-scoped SQL, beside its callers (service.cpp,
// tokens.cpp). The token endpoint's lookups by public id and by token hash
// cross organizations by nature and live in tokens.cpp.
#include <optional>
#include <vector>

#include "domain/api_clients/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::api_clients::repo {

struct NewRow {
  std::string client_id, secret_hash, name, purpose, scopes, role, allowed_ips;
  std::int64_t created_by = 0;
  std::optional<std::int64_t> expires_at;
};

std::int64_t insert(store::OrgTx& tx, const NewRow& row, std::int64_t now);
std::optional<ApiClientRow> find(store::OrgTx& tx, std::int64_t id);
std::vector<ApiClientRow> list(store::OrgTx& tx);
// Sets revoked_at (once) and deletes the client's tokens.
void revoke(store::OrgTx& tx, std::int64_t id, std::int64_t now);
std::int64_t insert_token(store::OrgTx& tx, std::int64_t client, const std::string& token_hash,
                          const std::string& scopes, std::int64_t now, std::int64_t expires_at);
// Expired tokens of the client, swept when it asks for a new one.
void delete_expired_tokens(store::OrgTx& tx, std::int64_t client, std::int64_t now);
// The client's own token with this hash; the number deleted (0 or 1).
std::int64_t delete_token(store::OrgTx& tx, std::int64_t client, const std::string& token_hash);
void touch(store::OrgTx& tx, std::int64_t client, std::int64_t now);

}  // namespace bulwark::domain::api_clients::repo
