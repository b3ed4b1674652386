#pragma once
// The users' and their sessions' SQL, beside its only callers (service.cpp).
// Password hashes are written here and never read back into a view.
#include <optional>
#include <string>
#include <vector>

#include "domain/users/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::users::repo {

std::optional<User> find(store::OrgTx& tx, std::int64_t id);
// Up to `limit` users with ids above `after`, by id.
std::vector<User> list(store::OrgTx& tx, std::int64_t after, std::int64_t limit);
// A new account and its membership here; nullopt when the address already
// has an account (emails sign in, so accounts are unique across
// organizations).
std::optional<std::int64_t> insert(store::OrgTx& tx, const std::string& email,
                                   const std::string& name, const std::string& role,
                                   const std::string& password_hash, std::int64_t now);
// An existing account joins this organization; nullopt when it is already a
// member (or the address is another member's here).
std::optional<std::int64_t> add_membership(store::OrgTx& tx, std::int64_t account_id,
                                           const std::string& email, const std::string& name,
                                           const std::string& role, std::int64_t now);

// Holds the organization's active owners until the transaction ends: the
// same rows identity::lock_owner_set locks for the admin CLI, so a change
// here and one there that may each remove an owner run one after the other.
void lock_owner_set(store::OrgTx& tx);
std::int64_t active_owners(store::OrgTx& tx);
void set_role(store::OrgTx& tx, std::int64_t id, const std::string& role, std::int64_t now);
void set_active(store::OrgTx& tx, std::int64_t id, bool active, std::int64_t now);
void set_name(store::OrgTx& tx, std::int64_t id, const std::string& name, std::int64_t now);

// Returns the number of sessions ended.
std::int64_t delete_sessions_of(store::OrgTx& tx, std::int64_t user);
std::int64_t delete_all_sessions(store::OrgTx& tx);

}  // namespace bulwark::domain::users::repo
