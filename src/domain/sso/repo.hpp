#pragma once
// The SSO tables (migration 0041): the organization's provider, its
// verified domains, the (issuer, subject) links, and sign-ins in progress.
// Only here is SQL for them written. The client secret, the nonce and the
// PKCE verifier are sealed under the organization's data key.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::sso {

struct Provider {
  std::string issuer, client_id, client_secret;  // the secret opened
  std::optional<std::string> jit_role;
  bool enabled = false;
};

std::optional<Provider> find_provider(store::OrgTx& tx);
void save_provider(store::OrgTx& tx, const Provider& p, std::int64_t now);

struct VerifiedDomain {
  std::string domain;
  std::int64_t verified_at = 0;
};
std::vector<VerifiedDomain> list_domains(store::OrgTx& tx);
// The organization that verified `domain` (lower-case), if any: the one
// cross-tenant read of SSO start, before anyone is known.
std::optional<std::int64_t> org_of_domain(store::Database& db, std::string_view domain);
bool org_has_domain(store::OrgTx& tx, std::string_view domain);
// Throws store::ConstraintViolation when another organization has it.
void add_domain(store::OrgTx& tx, std::string_view domain, std::int64_t now);

struct PendingLogin {
  std::int64_t org_id = 0;
  std::string nonce, code_verifier;
};
void insert_login(store::OrgTx& tx, std::string_view state_hash, std::string_view nonce,
                  std::string_view code_verifier, std::int64_t now, std::int64_t expires_at);
// Finds the sign-in by the SHA-256 of its state and uses it up in the same
// step: nullopt when unknown, already used or expired.
std::optional<PendingLogin> take_login(store::Database& db, std::string_view state_hash,
                                       std::int64_t now);

std::optional<std::int64_t> user_of_identity(store::OrgTx& tx, std::string_view issuer,
                                             std::string_view subject);
void link_identity(store::OrgTx& tx, std::string_view issuer, std::string_view subject,
                   std::int64_t user_id, std::int64_t now);
void touch_identity(store::OrgTx& tx, std::string_view issuer, std::string_view subject,
                    std::int64_t now);

}  // namespace bulwark::domain::sso
