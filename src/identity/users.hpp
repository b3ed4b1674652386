#pragma once
// Organizations (tenants) and their users. Every function that reads or
// changes a user takes the caller's org id: another org's user is simply
// not found.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "security/roles.hpp"
#include "store/database.hpp"

namespace bulwark::identity {

struct Org {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::optional<std::int64_t> session_idle_seconds;
  std::string time_zone = "UTC";  // IANA name, validated by the caller
};

struct User {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string email;
  std::string name;
  security::Role role = security::Role::viewer;
  bool active = true;
  std::int64_t created_at_ms = 0;
};

// An account and the membership its sign-in opens (identity/accounts.hpp).
struct Credentials {
  User user;
  std::string password_hash;
  std::int64_t account_id = 0;
};

// Lower-cased and trimmed; emails compare case-insensitively.
std::string normalize_email(std::string_view email);
bool plausible_email(std::string_view email);
bool valid_slug(std::string_view slug);

// Throws store::ConstraintViolation when the slug is taken.
// `time_zone` must be a valid IANA name (core::is_valid_time_zone).
Org create_org(store::Connection& conn, std::string_view slug, std::string_view name,
               std::string_view time_zone = "UTC");
std::optional<Org> find_org_by_slug(store::Database& db, std::string_view slug);
std::optional<Org> find_org(store::Database& db, std::int64_t org_id);

// A new account and its first membership. Throws store::ConstraintViolation
// when the address already has an account.
User create_user(store::Connection& conn, std::int64_t org_id, std::string_view email,
                 std::string_view name, security::Role role, std::string_view password_hash);
// An existing account joins the organization. Throws store::ConstraintViolation
// when it is already a member.
User add_member(store::Connection& conn, std::int64_t org_id, std::int64_t account_id,
                std::string_view email, std::string_view name, security::Role role);
std::optional<Credentials> find_credentials(store::Database& db, std::string_view email);
std::optional<User> find_user(store::Connection& conn, std::int64_t org_id, std::int64_t user_id);
std::optional<User> find_user_by_email(store::Database& db, std::int64_t org_id,
                                       std::string_view email);
std::vector<User> list_users(store::Database& db, std::int64_t org_id, std::int64_t after_id,
                             int limit);
// Locks the organization's active owners until the transaction ends, so a
// change that may remove an owner counts the owners nobody else is removing
// at the same moment (two owners demoting each other must not leave none).
// A no-op UPDATE: the same SQL locks the rows on PostgreSQL and, on SQLite,
// the write transaction already holds the database.
void lock_owner_set(store::Connection& conn, std::int64_t org_id);
std::int64_t count_active_owners(store::Connection& conn, std::int64_t org_id);
void set_role(store::Connection& conn, std::int64_t org_id, std::int64_t user_id,
              security::Role role);
// Sets the password of the account behind the member (every organization
// it belongs to signs in with it).
void set_password_hash(store::Connection& conn, std::int64_t org_id, std::int64_t user_id,
                       std::string_view hash);
void set_active(store::Connection& conn, std::int64_t org_id, std::int64_t user_id, bool active);

}  // namespace bulwark::identity
