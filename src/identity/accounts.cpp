#include "identity/accounts.hpp"

#include "identity/users.hpp"
#include "store/org_tx.hpp"

namespace bulwark::identity {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

// Accounts have no organization: these read and write across organizations
// by the account's own id or its unique sign-in address, like sign-in.
constexpr CrossTenantSql kByEmail("SELECT id, email, password_hash FROM accounts WHERE email = $1");
constexpr OrgSql kOfUser(
    "SELECT a.id, a.email, a.password_hash FROM users u JOIN accounts a ON a.id = u.account_id "
    "WHERE u.org_id = $1 AND u.id = $2");
constexpr CrossTenantSql kInsert(
    "INSERT INTO accounts (email, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $3) "
    "ON CONFLICT DO NOTHING RETURNING id");
constexpr CrossTenantSql kSetPassword(
    "UPDATE accounts SET password_hash = $2, updated_at = $3 WHERE id = $1");
constexpr CrossTenantSql kMemberships(
    "SELECT u.id, u.org_id, o.slug, o.name, u.role, u.active FROM users u "
    "JOIN orgs o ON o.id = u.org_id WHERE u.account_id = $1 ORDER BY o.name, o.id");
constexpr CrossTenantSql kRemember(
    "UPDATE accounts SET last_org_id = $2 WHERE id = $1 AND EXISTS "
    "(SELECT 1 FROM users u WHERE u.account_id = $1 AND u.org_id = $2)");
constexpr CrossTenantSql kDeleteSessions(
    "DELETE FROM sessions WHERE user_id IN (SELECT u.id FROM users u WHERE u.account_id = $1)");

Account account_from(const store::Row& row) {
  return Account{row.integer(0), row.text(1), row.text(2)};
}

}  // namespace

std::optional<Account> find_account(store::Connection& conn, std::string_view email) {
  auto r = conn.query(kByEmail, {normalize_email(email)});
  if (r.empty()) return std::nullopt;
  return account_from(r.rows[0]);
}

std::optional<Account> account_of_user(store::Connection& conn, std::int64_t org_id,
                                       std::int64_t user_id) {
  auto r = store::OrgTx(conn, org_id).run(kOfUser, user_id);
  if (r.empty()) return std::nullopt;
  return account_from(r.rows[0]);
}

std::optional<std::int64_t> insert_account(store::Connection& conn, std::string_view email,
                                           std::string_view password_hash, std::int64_t now) {
  auto r = conn.query(kInsert, {normalize_email(email), std::string(password_hash), now});
  if (r.empty()) return std::nullopt;
  return r.rows[0].integer(0);
}

void set_account_password(store::Connection& conn, std::int64_t account_id,
                          std::string_view password_hash, std::int64_t now) {
  conn.query(kSetPassword, {account_id, std::string(password_hash), now});
}

std::vector<Membership> memberships_of(store::Connection& conn, std::int64_t account_id) {
  std::vector<Membership> out;
  for (const auto& row : conn.query(kMemberships, {account_id}).rows)
    out.push_back(Membership{row.integer(0), row.integer(1), row.text(2), row.text(3),
                             security::parse_role(row.text(4)).value_or(security::Role::viewer),
                             row.integer(5) != 0});
  return out;
}

void remember_org(store::Connection& conn, std::int64_t account_id, std::int64_t org_id) {
  conn.query(kRemember, {account_id, org_id});
}

std::int64_t delete_account_sessions(store::Connection& conn, std::int64_t account_id) {
  return conn.query(kDeleteSessions, {account_id}).affected;
}

}  // namespace bulwark::identity
