#include "api/user_handlers.hpp"

#include "api/audit_query.hpp"
#include "api/query_params.hpp"
#include "config/config.hpp"
#include "domain/users/service.hpp"

namespace bulwark::api {

namespace users = domain::users;
using store::OrgTx;

namespace {

users::Manager manager(const Ctx& ctx) { return {ctx.who().user_id, ctx.who().role}; }

}  // namespace

Result<users::UserPage> list_users(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"after", "limit"});
  const auto after = q.integer("after", 0, INT64_MAX).value_or(0);
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  return read_org(ctx, [&](OrgTx& tx) { return users::list(tx, after, limit); });
}

Result<users::User> update_user(Ctx& ctx, PathId id, Body<users::UserChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return users::change(tx, ctx.actor(), manager(ctx), id, in, ctx.now_ms());
  });
}

Result<users::SessionsEnded> revoke_user_sessions(Ctx& ctx, PathId id) {
  return in_org(
      ctx, [&](OrgTx& tx) { return users::revoke_sessions(tx, ctx.actor(), manager(ctx), id); });
}

Result<users::SessionsEnded> revoke_org_sessions(Ctx& ctx) {
  return in_org(ctx, [&](OrgTx& tx) { return users::revoke_all_sessions(tx, ctx.actor()); });
}

Result<users::AuditPage> list_audit(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"action", "actor_id", "outcome", "since", "until", "before", "limit"});
  auto query = audit_filters(ctx, q);
  query.limit = static_cast<int>(q.integer("limit", 1, 200).value_or(50));
  return users::audit_log(ctx.services.db, query);
}

}  // namespace bulwark::api
