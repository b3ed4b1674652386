#include "identity/users.hpp"

#include <algorithm>
#include <cctype>

#include "identity/accounts.hpp"
#include "identity/clock.hpp"
#include "store/org_tx.hpp"

namespace bulwark::identity {

using store::CrossTenantSql;
using store::OrgSql;

namespace {

// Before a tenant is known: creating one, and the look-ups by slug and by
// sign-in email (an email is unique across organizations).
constexpr CrossTenantSql kInsertOrg(
    "INSERT INTO orgs (slug, name, created_at, time_zone) VALUES ($1, $2, $3, $4) RETURNING id");
constexpr CrossTenantSql kOrgBySlug(
    "SELECT id, slug, name, session_idle_seconds, time_zone FROM orgs WHERE slug = $1");
// The account and the membership sign-in opens: an active one first, then
// the organization last switched to, then the oldest.
constexpr CrossTenantSql kCredentials(
    "SELECT u.id, u.org_id, a.email, u.name, u.role, u.active, u.created_at, a.password_hash, "
    "a.id FROM accounts a JOIN users u ON u.account_id = a.id WHERE a.email = $1 "
    "ORDER BY u.active DESC, CASE WHEN u.org_id = a.last_org_id THEN 0 ELSE 1 END, u.id "
    "LIMIT 1");

constexpr OrgSql kOrg(
    "SELECT id, slug, name, session_idle_seconds, time_zone FROM orgs WHERE id = $1");
constexpr OrgSql kInsertUser(
    "INSERT INTO users (org_id, account_id, email, name, role, active, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id");
constexpr OrgSql kUser(
    "SELECT id, org_id, email, name, role, active, created_at FROM users "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kUserByEmail(
    "SELECT id, org_id, email, name, role, active, created_at FROM users "
    "WHERE org_id = $1 AND email = $2");
constexpr OrgSql kUsers(
    "SELECT id, org_id, email, name, role, active, created_at FROM users "
    "WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3");
constexpr OrgSql kLockOwners(
    "UPDATE users SET role = role WHERE org_id = $1 AND role = 'owner' AND active = 1");
constexpr OrgSql kActiveOwners(
    "SELECT COUNT(*) FROM users WHERE org_id = $1 AND role = 'owner' AND active = 1");
constexpr OrgSql kSetRole(
    "UPDATE users SET role = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");
// The account behind the caller's organization's member: the subquery is
// what scopes it.
constexpr OrgSql kSetPasswordHash(
    "UPDATE accounts SET password_hash = $3, updated_at = $4 WHERE id = "
    "(SELECT account_id FROM users WHERE org_id = $1 AND id = $2)");
constexpr OrgSql kSetActive(
    "UPDATE users SET active = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");

User user_from(const store::Row& row) {
  // Columns: id, org_id, email, name, role, active, created_at
  User u;
  u.id = row.integer(0);
  u.org_id = row.integer(1);
  u.email = row.text(2);
  u.name = row.text(3);
  u.role = security::parse_role(row.text(4)).value_or(security::Role::viewer);
  u.active = row.integer(5) != 0;
  u.created_at_ms = row.integer(6);
  return u;
}

Org org_from(const store::Row& row) {
  return Org{row.integer(0), row.text(1), row.text(2), row.optional_integer(3), row.text(4)};
}

}  // namespace

std::string normalize_email(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front())))
    email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back())))
    email.remove_suffix(1);
  std::string out(email);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool plausible_email(std::string_view e) {
  if (e.size() < 3 || e.size() > 254) return false;
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at != e.rfind('@')) return false;
  auto domain = e.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.')
    return false;
  return std::ranges::none_of(e, [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

bool valid_slug(std::string_view s) {
  return !s.empty() && s.size() <= 64 && s.front() != '-' && std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Org create_org(store::Connection& conn, std::string_view slug, std::string_view name,
               std::string_view time_zone) {
  auto r = conn.query(kInsertOrg,
                      {std::string(slug), std::string(name), now_ms(), std::string(time_zone)});
  // Its field-encryption keys in the same transaction (issue 13): a key ring
  // creating them later, inside some request's SQLite write, would wait on it.
  if (auto* sealer = conn.field_sealer()) sealer->create_keys(conn, r.rows.at(0).integer(0));
  return Org{r.rows.at(0).integer(0), std::string(slug), std::string(name), std::nullopt,
             std::string(time_zone)};
}

std::optional<Org> find_org_by_slug(store::Database& db, std::string_view slug) {
  auto r = db.query(kOrgBySlug, {std::string(slug)});
  if (r.empty()) return std::nullopt;
  return org_from(r.rows[0]);
}

std::optional<Org> find_org(store::Database& db, std::int64_t org_id) {
  auto r = store::read_org(db, org_id, [](store::OrgTx& tx) { return tx.run(kOrg); });
  if (r.empty()) return std::nullopt;
  return org_from(r.rows[0]);
}

User create_user(store::Connection& conn, std::int64_t org_id, std::string_view email,
                 std::string_view name, security::Role role, std::string_view password_hash) {
  const auto now = now_ms();
  const auto account = insert_account(conn, email, password_hash, now);
  if (!account) throw store::ConstraintViolation("accounts.email is taken");
  return add_member(conn, org_id, *account, email, name, role);
}

User add_member(store::Connection& conn, std::int64_t org_id, std::int64_t account_id,
                std::string_view email, std::string_view name, security::Role role) {
  const auto now = now_ms();
  auto r = store::OrgTx(conn, org_id)
               .run(kInsertUser, account_id, normalize_email(email), name,
                    security::role_name(role), now);
  return User{
      r.rows.at(0).integer(0), org_id, normalize_email(email), std::string(name), role, true, now};
}

std::optional<Credentials> find_credentials(store::Database& db, std::string_view email) {
  auto r = db.query(kCredentials, {normalize_email(email)});
  if (r.empty()) return std::nullopt;
  return Credentials{user_from(r.rows[0]), r.rows[0].text(7), r.rows[0].integer(8)};
}

std::optional<User> find_user(store::Connection& conn, std::int64_t org_id, std::int64_t user_id) {
  auto r = store::OrgTx(conn, org_id).run(kUser, user_id);
  if (r.empty()) return std::nullopt;
  return user_from(r.rows[0]);
}

std::optional<User> find_user_by_email(store::Database& db, std::int64_t org_id,
                                       std::string_view email) {
  auto r = store::read_org(
      db, org_id, [&](store::OrgTx& tx) { return tx.run(kUserByEmail, normalize_email(email)); });
  if (r.empty()) return std::nullopt;
  return user_from(r.rows[0]);
}

std::vector<User> list_users(store::Database& db, std::int64_t org_id, std::int64_t after_id,
                             int limit) {
  auto r = store::read_org(db, org_id,
                           [&](store::OrgTx& tx) { return tx.run(kUsers, after_id, limit); });
  std::vector<User> out;
  for (const auto& row : r.rows) out.push_back(user_from(row));
  return out;
}

void lock_owner_set(store::Connection& conn, std::int64_t org_id) {
  store::OrgTx(conn, org_id).run(kLockOwners);
}

std::int64_t count_active_owners(store::Connection& conn, std::int64_t org_id) {
  return store::OrgTx(conn, org_id).run(kActiveOwners).rows.at(0).integer(0);
}

void set_role(store::Connection& conn, std::int64_t org_id, std::int64_t user_id,
              security::Role role) {
  store::OrgTx(conn, org_id).run(kSetRole, user_id, security::role_name(role), now_ms());
}

void set_password_hash(store::Connection& conn, std::int64_t org_id, std::int64_t user_id,
                       std::string_view hash) {
  store::OrgTx(conn, org_id).run(kSetPasswordHash, user_id, hash, now_ms());
}

void set_active(store::Connection& conn, std::int64_t org_id, std::int64_t user_id, bool active) {
  store::OrgTx(conn, org_id).run(kSetActive, user_id, active, now_ms());
}

}  // namespace bulwark::identity
