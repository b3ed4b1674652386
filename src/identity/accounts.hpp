#pragma once
// Accounts and memberships (issue 14 item 4). An account is the sign-in
// identity: one email and one password, across organizations. A membership
// is a `users` row: that account in one organization, with the role, name and
// active flag the organization sets. Sessions, assignments and audit actors
// name memberships; only sign-in, password changes and the organization
// switcher reach the account behind them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "security/roles.hpp"
#include "store/database.hpp"

namespace bulwark::identity {

struct Account {
  std::int64_t id = 0;
  std::string email;
  std::string password_hash;
};

// One organization the account belongs to, for the switcher.
struct Membership {
  std::int64_t user_id = 0;
  std::int64_t org_id = 0;
  std::string org_slug, org_name;
  security::Role role = security::Role::viewer;
  bool active = true;
};

std::optional<Account> find_account(store::Connection& conn, std::string_view email);
// The account behind a membership of the caller's organization.
std::optional<Account> account_of_user(store::Connection& conn, std::int64_t org_id,
                                       std::int64_t user_id);
// A new account; nullopt when the address already has one.
std::optional<std::int64_t> insert_account(store::Connection& conn, std::string_view email,
                                           std::string_view password_hash, std::int64_t now);
void set_account_password(store::Connection& conn, std::int64_t account_id,
                          std::string_view password_hash, std::int64_t now);
// Every membership of the account, active or not, by organization name.
std::vector<Membership> memberships_of(store::Connection& conn, std::int64_t account_id);
// The organization the next sign-in opens first.
void remember_org(store::Connection& conn, std::int64_t account_id, std::int64_t org_id);
// Ends every session of the account, in every organization (a password
// change or reset: a stolen session elsewhere must end too).
std::int64_t delete_account_sessions(store::Connection& conn, std::int64_t account_id);

}  // namespace bulwark::identity
