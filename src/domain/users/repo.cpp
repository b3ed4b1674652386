#include "domain/users/repo.hpp"

#include "identity/accounts.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::users::repo {

namespace {

using store::OrgSql;

constexpr OrgSql kFind(
    "SELECT id, email, name, role, active, created_at FROM users WHERE org_id = $1 AND id = $2");
constexpr OrgSql kList(
    "SELECT id, email, name, role, active, created_at FROM users "
    "WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3");
constexpr OrgSql kInsert(
    "INSERT INTO users (org_id, account_id, email, name, role, active, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, 1, $6, $6) ON CONFLICT DO NOTHING RETURNING id");
// A no-op UPDATE: it locks the rows on PostgreSQL; on SQLite the write
// transaction already holds the database.
constexpr OrgSql kLockOwners(
    "UPDATE users SET role = role WHERE org_id = $1 AND role = 'owner' AND active = 1");
constexpr OrgSql kActiveOwners(
    "SELECT COUNT(*) AS owners FROM users WHERE org_id = $1 AND role = 'owner' AND active = 1");
constexpr OrgSql kSetRole(
    "UPDATE users SET role = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSetActive(
    "UPDATE users SET active = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSetName(
    "UPDATE users SET name = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kDeleteSessionsOf("DELETE FROM sessions WHERE org_id = $1 AND user_id = $2");
constexpr OrgSql kDeleteAllSessions("DELETE FROM sessions WHERE org_id = $1");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))
struct Owners {
  std::int64_t owners = 0;
};
BOOST_DESCRIBE_STRUCT(Owners, (), (owners))

}  // namespace

std::optional<User> find(store::OrgTx& tx, std::int64_t id) { return tx.one<User>(kFind, id); }

std::vector<User> list(store::OrgTx& tx, std::int64_t after, std::int64_t limit) {
  return tx.all<User>(kList, after, limit);
}

std::optional<std::int64_t> insert(store::OrgTx& tx, const std::string& email,
                                   const std::string& name, const std::string& role,
                                   const std::string& password_hash, std::int64_t now) {
  const auto account = identity::insert_account(tx.connection(), email, password_hash, now);
  if (!account) return std::nullopt;
  return add_membership(tx, *account, email, name, role, now);
}

std::optional<std::int64_t> add_membership(store::OrgTx& tx, std::int64_t account_id,
                                           const std::string& email, const std::string& name,
                                           const std::string& role, std::int64_t now) {
  auto row = tx.one<Returned>(kInsert, account_id, email, name, role, now);
  if (!row) return std::nullopt;
  return row->id;
}

void lock_owner_set(store::OrgTx& tx) { tx.run(kLockOwners); }

std::int64_t active_owners(store::OrgTx& tx) {
  return tx.one<Owners>(kActiveOwners).value().owners;
}

void set_role(store::OrgTx& tx, std::int64_t id, const std::string& role, std::int64_t now) {
  tx.run(kSetRole, id, role, now);
}

void set_active(store::OrgTx& tx, std::int64_t id, bool active, std::int64_t now) {
  tx.run(kSetActive, id, active, now);
}

void set_name(store::OrgTx& tx, std::int64_t id, const std::string& name, std::int64_t now) {
  tx.run(kSetName, id, name, now);
}

std::int64_t delete_sessions_of(store::OrgTx& tx, std::int64_t user) {
  return tx.run(kDeleteSessionsOf, user).affected;
}

std::int64_t delete_all_sessions(store::OrgTx& tx) { return tx.run(kDeleteAllSessions).affected; }

}  // namespace bulwark::domain::users::repo
