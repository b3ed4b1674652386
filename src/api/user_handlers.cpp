#include "api/user_handlers.hpp"

#include <boost/json.hpp>

#include "api/query_params.hpp"
#include "app/policies.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "crypto/random.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "security/passwords.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using security::Role;

boost::json::object user_view(const identity::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", security::role_name(u.role)},
          {"active", u.active},
          {"created_at", u.created_at_ms}};
}

Role parse_role_field(http::JsonReader& in, std::string_view name, const std::string& text) {
  auto role = security::parse_role(text);
  if (!role) in.fail(name, "must be one of owner, admin, dispatcher, technician, viewer");
  return role.value_or(Role::viewer);
}

// An admin manages users up to their own rank: admins cannot create,
// promote to, or change owners.
void require_rank(const app::Principal& who, Role target) {
  if (security::role_rank(target) > security::role_rank(who.role))
    throw ApiError(ErrorCode::forbidden, "you cannot manage a user above your own role",
                   "rank_exceeded");
}

std::string generated_password() { return crypto::random_token(18); }  // 144 bits

}  // namespace

http::Response list_users(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"after", "limit"});
  const auto after = q.integer("after", 0, INT64_MAX).value_or(0);
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  auto users = identity::list_users(ctx.services.db, ctx.who().org_id, after, int(limit) + 1);
  boost::json::array items;
  for (std::size_t i = 0; i < users.size() && i < std::size_t(limit); ++i)
    items.push_back(user_view(users[i]));
  boost::json::object out{{"items", std::move(items)}};
  if (users.size() > std::size_t(limit)) out["next_after"] = users[limit - 1].id;
  else out["next_after"] = nullptr;
  return app::json_response(200, out);
}

http::Response create_user(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"email", "name", "role", "password"});
  auto email = identity::normalize_email(in.required_string("email", 254));
  auto name = in.optional_string("name", 200).value_or("");
  auto role = parse_role_field(in, "role", in.required_string("role", 20));
  auto password = in.optional_string("password", 1024);
  if (!email.empty() && !identity::plausible_email(email)) in.fail("email", "is not a valid email address");
  if (password)
    if (auto problem = security::check_password_policy(*password, {email, name}))
      in.fail("password", problem->message);
  in.finish();
  require_rank(who, role);

  const bool generated = !password;
  const std::string initial = generated ? generated_password() : *password;
  const auto hash = security::hash_password(initial, ctx.services.config.bcrypt_cost);
  identity::User user;
  try {
    ctx.services.db.transaction([&](store::Connection& conn) {
      user = identity::create_user(conn, who.org_id, email, name, role, hash);
      auto entry = ctx.audit_entry("user.created", "user", std::to_string(user.id));
      entry.fields = {"email", "name", "role", "password_hash"};
      audit::append(conn, entry);
    });
  } catch (const store::ConstraintViolation&) {
    throw ApiError(ErrorCode::conflict, "a user with this email already exists", "email_taken",
                   {{"email", "is already in use"}});
  }
  auto out = user_view(user);
  // A generated password is shown exactly once, here, and never stored in clear.
  if (generated) out["initial_password"] = initial;
  return app::json_response(201, out);
}

http::Response update_user(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"role", "active", "name"});
  auto role_text = in.optional_string("role", 20);
  std::optional<Role> role;
  if (role_text) role = parse_role_field(in, "role", *role_text);
  auto active = in.optional_bool("active");
  in.finish();

  std::optional<identity::User> updated;
  ctx.services.db.transaction([&](store::Connection& conn) {
    // Before anything is read: the owner count below must not change under us.
    if (role || active) identity::lock_owner_set(conn, who.org_id);
    auto user = identity::find_user(conn, who.org_id, id);
    if (!user) throw ApiError(ErrorCode::not_found, "no such user");
    require_rank(who, user->role);
    if (role) require_rank(who, *role);
    if (user->id == who.user_id && ((role && *role != user->role) || (active && !*active)))
      throw ApiError(ErrorCode::forbidden, "you cannot change your own role or deactivate yourself",
                     "self_change");
    const bool loses_owner = user->role == Role::owner && user->active &&
                             ((role && *role != Role::owner) || (active && !*active));
    if (loses_owner && identity::count_active_owners(conn, who.org_id) <= 1)
      throw ApiError(ErrorCode::conflict, "the organization needs at least one active owner",
                     "last_owner");
    std::vector<std::string> fields;
    bool privileges_changed = false;
    if (role && *role != user->role) {
      identity::set_role(conn, who.org_id, id, *role);
      fields.push_back("role");
      privileges_changed = true;
    }
    if (active && *active != user->active) {
      identity::set_active(conn, who.org_id, id, *active);
      fields.push_back("active");
      privileges_changed = privileges_changed || !*active;
    }
    // A changed role or a deactivation ends the user's sessions at once;
    // they log in again and get a new token with the new privileges.
    if (privileges_changed) identity::delete_user_sessions(conn, id);
    if (!fields.empty()) {
      auto entry = ctx.audit_entry(active && !*active ? "user.deactivated"
                                   : role ? "user.role_changed" : "user.updated",
                                   "user", std::to_string(id));
      entry.fields = fields;
      audit::append(conn, entry);
    }
    updated = identity::find_user(conn, who.org_id, id);
  });
  return app::json_response(200, user_view(*updated));
}

http::Response revoke_user_sessions(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  std::int64_t ended = 0;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto user = identity::find_user(conn, who.org_id, id);
    if (!user) throw ApiError(ErrorCode::not_found, "no such user");
    require_rank(who, user->role);
    ended = identity::delete_user_sessions(conn, id);
    audit::append(conn, ctx.audit_entry("session.revoked_user", "user", std::to_string(id)));
  });
  return app::json_response(200, {{"sessions_ended", ended}});
}

http::Response revoke_org_sessions(app::RequestContext& ctx) {
  std::int64_t ended = 0;
  ctx.services.db.transaction([&](store::Connection& conn) {
    ended = identity::delete_org_sessions(conn, ctx.who().org_id);
    audit::append(conn, ctx.audit_entry("session.revoked_org", "org",
                                        std::to_string(ctx.who().org_id)));
  });
  http::Response res = app::json_response(200, {{"sessions_ended", ended}});
  return res;
}

http::Response list_audit(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"action", "actor_id", "outcome", "since", "until", "before", "limit"});
  audit::Query query;
  query.org_id = ctx.who().org_id;
  query.action = q.text("action", 100);
  query.actor_id = q.integer("actor_id", 1, INT64_MAX);
  query.outcome = q.text("outcome", 20);
  query.since_ms = q.integer("since", 0, INT64_MAX);
  query.until_ms = q.integer("until", 0, INT64_MAX);
  query.before_seq = q.integer("before", 1, INT64_MAX);
  query.limit = int(q.integer("limit", 1, 200).value_or(50));
  auto records = audit::list(ctx.services.db, query);
  boost::json::array items;
  for (const auto& r : records) {
    boost::json::array fields;
    for (const auto& f : r.entry.fields) fields.push_back(boost::json::string(f));
    items.push_back({{"seq", r.seq},
                     {"at", r.at_ms},
                     {"actor_type", r.entry.actor_type},
                     {"actor_id", r.entry.actor_id ? boost::json::value(*r.entry.actor_id) : nullptr},
                     {"action", r.entry.action},
                     {"target_type", r.entry.target_type},
                     {"target_id", r.entry.target_id},
                     {"ip", r.entry.ip},
                     {"outcome", r.entry.outcome},
                     {"fields", std::move(fields)}});
  }
  boost::json::object out{{"items", std::move(items)}};
  out["next_before"] = records.size() == std::size_t(query.limit) && !records.empty()
                           ? boost::json::value(records.back().seq)
                           : nullptr;
  return app::json_response(200, out);
}

}  // namespace bulwark::api
