#pragma once
// The organization's security policy: reading, changing (owners, audited)
// and the checks other services make against it. The IP allowlist itself is
// enforced by the pipeline (app/ip_allowlist_stage.cpp) from the session
// lookup, so a change applies to every session at its next request.
#include <chrono>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/org/security_policy_model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::org {

// The server's session limits (config), which an organization may shorten.
struct ServerSessionLimits {
  std::chrono::seconds idle{24 * 3600};
  std::chrono::seconds lifetime{24 * 3600};
};

Expected<SecurityPolicy, ApiError> security_policy(store::OrgTx& tx,
                                                   const ServerSessionLimits& server,
                                                   std::string_view caller_ip);

// Everything is checked before anything is written. Refused: lifetimes
// longer than the server's (422 `longer_than_server`), malformed ranges or
// domains (422 `invalid_fields`),
// and an allowlist that leaves out `caller_ip` (422 `would_lock_out_self`).
Expected<SecurityPolicy, ApiError> change_security_policy(store::OrgTx& tx, const audit::Actor& by,
                                                          const SecurityPolicyChange& in,
                                                          const ServerSessionLimits& server,
                                                          std::string_view caller_ip);

// The operator's way back in (`bulwark admin security allow-ip`): adds one
// range to the allowlist, audited as the CLI. Returns the new list.
Expected<std::vector<std::string>, ApiError> allow_ip(store::OrgTx& tx, const audit::Actor& by,
                                                      std::string_view range);

// 422 `email_domain_not_allowed` when the org restricts new members' domains
// and `email` (normalised) is outside them.
Expected<void, ApiError> check_member_email_domain(store::OrgTx& tx, std::string_view email);

// "a,b,c" <-> {"a","b","c"}: how the lists are kept in one column.
std::vector<std::string> split_list(std::string_view stored);
std::string join_list(const std::vector<std::string>& items);

}  // namespace bulwark::domain::org
