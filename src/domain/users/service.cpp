#include "domain/users/service.hpp"

#include <charconv>
#include <map>

#include "core/try.hpp"
#include "domain/users/repo.hpp"

namespace bulwark::domain::users {

namespace {

using security::Role;

ApiError no_such_user() { return ApiError(ErrorCode::not_found, "no such user"); }

Role role_of(std::string_view name) { return security::parse_role(name).value_or(Role::viewer); }

// An admin manages users up to their own rank: admins cannot create,
// promote to, or change owners.
Outcome<void> within_rank(const Manager& who, Role target) {
  if (security::role_rank(target) > security::role_rank(who.role))
    return unexpected(ApiError(ErrorCode::forbidden, "you cannot manage a user above your own role",
                               "rank_exceeded"));
  return {};
}

Outcome<User> find(store::OrgTx& tx, std::int64_t id) {
  auto user = repo::find(tx, id);
  if (!user) return unexpected(no_such_user());
  return *user;
}

}  // namespace

Outcome<UserPage> list(store::OrgTx& tx, std::int64_t after, std::int64_t limit) {
  UserPage page{repo::list(tx, after, limit + 1), std::nullopt};
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_after = page.items.back().id;
  }
  return page;
}

Outcome<User> change(store::OrgTx& tx, const audit::Actor& by, const Manager& who, std::int64_t id,
                     const resource::Read<UserChange>& in, std::int64_t now) {
  const auto& c = in.value;
  std::optional<Role> role;
  if (c.role) role = role_of(c.role->value);
  // Before anything is read: the owner count below must not change under us.
  if (role || c.active) repo::lock_owner_set(tx);
  BULWARK_TRY(const auto user, find(tx, id));
  const auto current = role_of(user.role);
  BULWARK_TRY_VOID(within_rank(who, current));
  if (role) BULWARK_TRY_VOID(within_rank(who, *role));
  if (user.id == who.user_id && ((role && *role != current) || (c.active && !*c.active)))
    return unexpected(ApiError(ErrorCode::forbidden,
                               "you cannot change your own role or deactivate yourself",
                               "self_change"));
  const bool loses_owner = current == Role::owner && user.active &&
                           ((role && *role != Role::owner) || (c.active && !*c.active));
  if (loses_owner && repo::active_owners(tx) <= 1)
    return unexpected(ApiError(ErrorCode::conflict,
                               "the organization needs at least one active owner", "last_owner"));
  std::vector<std::string> fields;
  bool privileges_changed = false;
  if (role && *role != current) {
    repo::set_role(tx, id, c.role->value, now);
    fields.emplace_back("role");
    privileges_changed = true;
  }
  if (c.active && *c.active != user.active) {
    repo::set_active(tx, id, *c.active, now);
    fields.emplace_back("active");
    privileges_changed = privileges_changed || !*c.active;
  }
  if (c.name && c.name->value != user.name) {
    repo::set_name(tx, id, c.name->value, now);
    fields.emplace_back("name");
  }
  // A changed role or a deactivation ends the user's sessions at once; they
  // log in again and get a new token with the new privileges.
  if (privileges_changed) repo::delete_sessions_of(tx, id);
  if (!fields.empty()) {
    const char* action = c.active && !*c.active ? "user.deactivated"
                         : role                 ? "user.role_changed"
                                                : "user.updated";
    by.record(tx.connection(), action, "user", id, fields);
  }
  return find(tx, id);
}

Outcome<SessionsEnded> revoke_sessions(store::OrgTx& tx, const audit::Actor& by, const Manager& who,
                                       std::int64_t id) {
  BULWARK_TRY(const auto user, find(tx, id));
  BULWARK_TRY_VOID(within_rank(who, role_of(user.role)));
  const auto ended = repo::delete_sessions_of(tx, id);
  by.record(tx.connection(), "session.revoked_user", "user", id);
  return SessionsEnded{ended};
}

Outcome<SessionsEnded> revoke_all_sessions(store::OrgTx& tx, const audit::Actor& by) {
  const auto ended = repo::delete_all_sessions(tx);
  by.record(tx.connection(), "session.revoked_org", "org", tx.org_id());
  return SessionsEnded{ended};
}

AuditNames audit_names(store::Database& db, std::int64_t org_id) {
  static constexpr store::OrgSql kNames("SELECT id, name, email FROM users WHERE org_id = $1");
  static constexpr store::OrgSql kClients("SELECT id, name FROM api_clients WHERE org_id = $1");
  AuditNames out;
  store::read_org(db, org_id, [&](store::OrgTx& tx) {
    for (const auto& row : tx.run(kNames).rows)
      out.members.emplace(row.integer(0), row.text(1).empty() ? row.text(2) : row.text(1));
    for (const auto& row : tx.run(kClients).rows)
      out.clients.emplace(row.integer(0), "API client " + row.text(1));
  });
  return out;
}

AuditRecord audit_record(const audit::Record& r, const AuditNames& names) {
  AuditRecord out{r.seq,
                  Time{r.at_ms},
                  r.entry.actor_type,
                  r.entry.actor_id,
                  r.entry.action,
                  r.entry.target_type,
                  r.entry.target_id,
                  r.entry.ip,
                  r.entry.outcome,
                  r.entry.fields,
                  {},
                  {}};
  auto name_of = [](const std::map<std::int64_t, std::string>& in, std::int64_t id) {
    auto it = in.find(id);
    return it == in.end() ? std::optional<std::string>() : it->second;
  };
  if (r.entry.actor_id && r.entry.actor_type == "user")
    out.actor_name = name_of(names.members, *r.entry.actor_id);
  if (r.entry.actor_id && r.entry.actor_type == "api_client")
    out.actor_name = name_of(names.clients, *r.entry.actor_id);
  std::int64_t id = 0;
  const auto& t = r.entry.target_id;
  if (std::from_chars(t.data(), t.data() + t.size(), id).ec == std::errc{}) {
    if (r.entry.target_type == "user") out.target_name = name_of(names.members, id);
    if (r.entry.target_type == "api_client") out.target_name = name_of(names.clients, id);
  }
  return out;
}

Outcome<AuditPage> audit_log(store::Database& db, const audit::Query& q) {
  AuditPage page;
  const auto records = audit::list(db, q);
  const auto names = audit_names(db, q.org_id);
  for (const auto& r : records) page.items.push_back(audit_record(r, names));
  if (!records.empty() && records.size() == static_cast<std::size_t>(q.limit))
    page.next_before = records.back().seq;
  return page;
}

}  // namespace bulwark::domain::users
