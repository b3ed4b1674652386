#pragma once
// The API clients' rules, callable from a unit test with no HTTP: each runs
// inside the caller's organization-scoped transaction and audits what it
// changes (field names, never values; never the secret).
#include <span>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/api_clients/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "security/roles.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::api_clients {

template <class T>
using Outcome = Expected<T, ApiError>;

// Who creates the client and what the route table offers.
struct Creator {
  audit::Actor actor;
  security::Role role;                        // the ceiling's ceiling
  std::span<const std::string> known_scopes;  // every scope a route declares
};

Outcome<resource::Items<ApiClientView>> list(store::OrgTx& tx);
// 422 role_not_allowed (owner, or above the creator's role), unknown_scope,
// expires_in_past. The secret is in the answer and nowhere else.
Outcome<CreatedApiClient> create(store::OrgTx& tx, const Creator& by,
                                 const resource::Read<NewApiClient>& in, std::int64_t now);
// Revokes the client and deletes its tokens (idempotent; 404 if not ours).
Outcome<ApiClientView> revoke(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              std::int64_t now);

ApiClientView view_of(const ApiClientRow& row);

}  // namespace bulwark::domain::api_clients
