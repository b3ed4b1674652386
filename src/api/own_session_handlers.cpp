#include "api/own_session_handlers.hpp"

namespace bulwark::api {

namespace {

namespace users = domain::users;
using store::OrgTx;

users::Me me(const Ctx& ctx) { return {ctx.who().user_id, ctx.who().session_id}; }

}  // namespace

Result<Items<users::OwnSession>> list_own_sessions(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) {
    return Result<Items<users::OwnSession>>(users::own_sessions(tx, me(ctx), ctx.now_ms()));
  });
}

Result<NoContent> end_own_session(Ctx& ctx, PathId id) {
  return in_org(ctx, [&](OrgTx& tx) -> Result<NoContent> {
    BULWARK_TRY_VOID(users::end_own_session(tx, ctx.actor(), me(ctx), id.value));
    return NoContent{};
  });
}

Result<users::SessionsEnded> end_other_sessions(Ctx& ctx) {
  return in_org(ctx, [&](OrgTx& tx) {
    return Result<users::SessionsEnded>(users::end_other_sessions(tx, ctx.actor(), me(ctx)));
  });
}

void add_own_session_routes(http::Router& r) {
  using http::Method;
  // Any signed-in person, about their own sessions; never an API client.
  auto own = [&](Method m, const char* pattern, http::Endpoint handler, const char* summary) {
    const bool reads = m == Method::get;
    r.add({.method = m,
           .pattern = pattern,
           .auth = http::Auth::session_or_token,
           .permission = http::no_permission(),
           .rate = http::RateClass::standard,
           .effect = reads ? http::Effect::read_only : http::Effect::changes_state,
           .csrf = reads ? http::Csrf::not_applicable : http::Csrf::session_token,
           .execution = http::Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  own(Method::get, "/api/v1/auth/sessions", endpoint<list_own_sessions>(),
      "Where you are signed in in this organization: device, address, last seen");
  own(Method::del, "/api/v1/auth/sessions/{id:int}", endpoint<end_own_session>(),
      "Sign out one of your sessions");
  own(Method::post, "/api/v1/auth/sessions/sign-out-others", endpoint<end_other_sessions>(),
      "Sign out everywhere but here");
}

}  // namespace bulwark::api
