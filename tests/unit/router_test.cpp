#include "http/router.hpp"

#include <gtest/gtest.h>

#include "api/endpoint.hpp"
#include "app/context.hpp"
#include "http/reserved_paths.hpp"

using namespace bulwark;
using namespace bulwark::http;

namespace {

Response ok(app::RequestContext&) { return {}; }

// A session route declared as the route table would: a GET reads and needs no
// CSRF token, anything else changes state and needs the session's token.
Route route(Method m, std::string pattern, Effect effect = Effect::read_only) {
  return {.method = m,
          .pattern = std::move(pattern),
          .auth = Auth::session_or_token,
          .permission = no_permission(),
          .rate = RateClass::standard,
          .effect = effect,
          .csrf = is_mutating(m) ? Csrf::session_token : Csrf::not_applicable,
          .execution = Execution::pool,
          .handler = ok,
          .summary = ""};
}

Route mutation(Method m, std::string pattern) {
  return route(m, std::move(pattern), Effect::changes_state);
}

Router sample() {
  Router r;
  r.add(route(Method::get, "/api/v1/work-orders"));
  r.add(mutation(Method::post, "/api/v1/work-orders"));
  r.add(route(Method::get, "/api/v1/work-orders/{id:int}"));
  r.add(mutation(Method::patch, "/api/v1/work-orders/{id:int}"));
  r.add(route(Method::get, "/api/v1/orgs/{slug:slug}/tokens/{token:token}"));
  r.add(route(Method::get, "/{path*}"));
  return r;
}

}  // namespace

TEST(Router, MatchesLiteralAndTypedParameters) {
  auto r = sample();
  auto m = r.match(Method::get, "/api/v1/work-orders/1042");
  ASSERT_EQ(m.kind, MatchResult::Kind::found);
  EXPECT_EQ(m.route->pattern, "/api/v1/work-orders/{id:int}");
  EXPECT_EQ(m.params.integer("id"), 1042);

  m = r.match(Method::get, "/api/v1/orgs/acme-septic/tokens/Ab_9-x");
  ASSERT_EQ(m.kind, MatchResult::Kind::found);
  EXPECT_EQ(m.params.text("slug"), "acme-septic");
  EXPECT_EQ(m.params.text("token"), "Ab_9-x");
}

TEST(Router, TypedParameterRejectsWrongShape) {
  auto r = sample();
  // Not an int: falls through to the web app fallback, never the API route.
  for (auto path : {"/api/v1/work-orders/12a", "/api/v1/work-orders/-1",
                    "/api/v1/work-orders/1234567890123456789", "/api/v1/work-orders/"}) {
    auto m = r.match(Method::get, path);
    EXPECT_TRUE(m.kind != MatchResult::Kind::found || m.route->pattern == "/{path*}") << path;
  }
  auto m = r.match(Method::get, "/api/v1/orgs/Acme/tokens/x");  // slug is lower-case
  EXPECT_EQ(m.kind, MatchResult::Kind::not_found);  // never the web app: /api/ is reserved
}

TEST(Router, MethodNotAllowedListsAllowedMethodsIncludingHead) {
  auto r = sample();
  auto m = r.match(Method::del, "/api/v1/work-orders/7");
  ASSERT_EQ(m.kind, MatchResult::Kind::method_not_allowed);
  EXPECT_EQ(allow_header(m.allowed), "GET, HEAD, PATCH");
}

TEST(Router, HeadUsesTheGetRoute) {
  auto r = sample();
  auto m = r.match(Method::head, "/api/v1/work-orders");
  ASSERT_EQ(m.kind, MatchResult::Kind::found);
  EXPECT_EQ(m.route->method, Method::get);
}

TEST(Router, FallbackOnlyWhenNoOtherRouteKnowsThePath) {
  auto r = sample();
  auto m = r.match(Method::post, "/api/v1/work-orders/9");
  EXPECT_EQ(m.kind, MatchResult::Kind::method_not_allowed);  // not the fallback's GET
  m = r.match(Method::get, "/customers/12");
  ASSERT_EQ(m.kind, MatchResult::Kind::found);
  EXPECT_EQ(m.params.text("path"), "customers/12");
}

TEST(Router, NotFoundWithoutFallback) {
  Router r;
  r.add(route(Method::get, "/health"));
  EXPECT_EQ(r.match(Method::get, "/nope").kind, MatchResult::Kind::not_found);
  EXPECT_EQ(r.match(Method::get, "/health/").kind, MatchResult::Kind::not_found);
  EXPECT_EQ(r.match(Method::get, "").kind, MatchResult::Kind::not_found);
}

TEST(RouterDeclarations, RouteWithoutDeclarationIsRefused) {
  Router r;
  auto missing_auth = route(Method::get, "/a");
  missing_auth.auth = Auth::unset;
  EXPECT_THROW(r.add(missing_auth), RouteDeclarationError);
  auto missing_permission = route(Method::get, "/b");
  missing_permission.permission = {};
  EXPECT_THROW(r.add(missing_permission), RouteDeclarationError);
  auto missing_rate = route(Method::get, "/c");
  missing_rate.rate = RateClass::unset;
  EXPECT_THROW(r.add(missing_rate), RouteDeclarationError);
  auto missing_effect = route(Method::get, "/d");
  missing_effect.effect = Effect::unset;
  EXPECT_THROW(r.add(missing_effect), RouteDeclarationError);
  auto missing_handler = route(Method::get, "/e");
  missing_handler.handler = http::Endpoint{};
  EXPECT_THROW(r.add(missing_handler), RouteDeclarationError);
  auto missing_csrf = mutation(Method::post, "/f");
  missing_csrf.csrf = Csrf::unset;
  EXPECT_THROW(r.add(missing_csrf), RouteDeclarationError);
  auto missing_execution = route(Method::get, "/g");
  missing_execution.execution = Execution::unset;
  EXPECT_THROW(r.add(missing_execution), RouteDeclarationError);
  auto missing_effect_on_post = mutation(Method::post, "/h");
  missing_effect_on_post.effect = Effect::unset;
  EXPECT_THROW(r.add(missing_effect_on_post), RouteDeclarationError);
  EXPECT_TRUE(r.routes().empty());
}

TEST(RouterDeclarations, RouteWithoutMethodIsRefused) {
  Router r;
  Route bare = route(Method::get, "/a");
  bare.method = Route{}.method;  // what a row that forgets .method gets
  EXPECT_THROW(r.add(bare), RouteDeclarationError);
  EXPECT_EQ(Route{}.execution, Execution::unset);
  EXPECT_EQ(Route{}.csrf, Csrf::unset);
  EXPECT_EQ(Route{}.effect, Effect::unset);
}

TEST(RouterDeclarations, must_not_006_get_may_only_read_and_mutations_must_change) {
  Router r;
  EXPECT_NO_THROW(r.add(route(Method::get, "/export", Effect::read_audited)));
  EXPECT_THROW(r.add(route(Method::get, "/login", Effect::creates_session)), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::post, "/search", Effect::read_only)), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::del, "/peek", Effect::read_audited)), RouteDeclarationError);
  EXPECT_NO_THROW(r.add(route(Method::post, "/session", Effect::creates_session)));
  // The OpenID Connect callback: a public GET may create a session, and only that.
  auto callback = route(Method::get, "/sso/callback", Effect::creates_session);
  callback.auth = Auth::public_access;
  EXPECT_NO_THROW(r.add(callback));
  auto public_change = route(Method::get, "/sso/other", Effect::changes_state);
  public_change.auth = Auth::public_access;
  EXPECT_THROW(r.add(public_change), RouteDeclarationError);
}

TEST(RouterDeclarations, CsrfRuleMustFitTheMethodAndTheCredential) {
  Router r;
  // A GET has nothing to forge; a mutation cannot say so.
  auto get_with_token = route(Method::get, "/a");
  get_with_token.csrf = Csrf::session_token;
  EXPECT_THROW(r.add(get_with_token), RouteDeclarationError);
  auto unprotected_post = mutation(Method::post, "/b");
  unprotected_post.csrf = Csrf::not_applicable;
  EXPECT_THROW(r.add(unprotected_post), RouteDeclarationError);
  // Only a signed webhook is exempt, and a signed webhook declares it.
  auto exempt_session = mutation(Method::post, "/c");
  exempt_session.csrf = Csrf::exempt_signed;
  EXPECT_THROW(r.add(exempt_session), RouteDeclarationError);
  auto webhook = mutation(Method::post, "/webhooks/x");
  webhook.auth = Auth::stripe_signature;
  webhook.csrf = Csrf::session_token;
  EXPECT_THROW(r.add(webhook), RouteDeclarationError);
  webhook.csrf = Csrf::exempt_signed;
  EXPECT_NO_THROW(r.add(webhook));
  // A session mutation needs its token; Origin alone is for login.
  auto origin_only_session = mutation(Method::post, "/d");
  origin_only_session.csrf = Csrf::same_origin_only;
  EXPECT_THROW(r.add(origin_only_session), RouteDeclarationError);
  auto login = mutation(Method::post, "/login");
  login.auth = Auth::public_access;
  login.effect = Effect::creates_session;
  EXPECT_THROW(r.add(login), RouteDeclarationError);  // session_token without a session
  login.csrf = Csrf::same_origin_only;
  EXPECT_NO_THROW(r.add(login));
}

TEST(RouterDeclarations, ScopeAndStepUpOnlyOnSessionRoutes) {
  Router r;
  auto scoped = route(Method::get, "/a");
  scoped.scope = "work_orders:read";
  scoped.step_up = true;
  EXPECT_NO_THROW(r.add(scoped));
  auto public_scoped = route(Method::get, "/b");
  public_scoped.auth = Auth::public_access;
  public_scoped.scope = "work_orders:read";
  EXPECT_THROW(r.add(public_scoped), RouteDeclarationError);
  public_scoped.scope = {};
  public_scoped.step_up = true;
  EXPECT_THROW(r.add(public_scoped), RouteDeclarationError);
}

TEST(RouterDeclarations, must_not_006_get_route_cannot_change_state) {
  Router r;
  EXPECT_THROW(r.add(route(Method::get, "/delete-everything", Effect::changes_state)),
               RouteDeclarationError);
  EXPECT_NO_THROW(r.add(mutation(Method::post, "/delete-everything")));
}

TEST(RouterDeclarations, PublicRouteCannotRequirePermission) {
  Router r;
  auto bad = route(Method::get, "/x");
  bad.auth = Auth::public_access;
  bad.permission = requires_permission(security::Permission::audit_read);
  EXPECT_THROW(r.add(bad), RouteDeclarationError);
}

TEST(RouterDeclarations, BadPatternsAndDuplicatesAreRefused) {
  Router r;
  EXPECT_THROW(r.add(route(Method::get, "no-slash")), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::get, "/a/{id}")), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::get, "/a/{id:float}")), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::get, "/a/{rest*}/b")), RouteDeclarationError);
  EXPECT_THROW(r.add(route(Method::head, "/h")), RouteDeclarationError);
  r.add(route(Method::get, "/dup"));
  EXPECT_THROW(r.add(route(Method::get, "/dup")), RouteDeclarationError);
}

TEST(Router, unknown_path_under_a_reserved_prefix_is_404_for_every_method) {
  auto r = sample();
  for (auto method : {Method::get, Method::head, Method::post, Method::put, Method::patch,
                      Method::del, Method::other})
    for (auto path :
         {"/api/v1/no-such-thing", "/api", "/api/", "/webhooks/nope", "/oauth/nope", "/metrics",
          "/metrics/x", "/health", "/health/deep", "/%61pi/v1/x", "/api%2Fv1"}) {
      auto m = r.match(method, path);
      EXPECT_EQ(m.kind, MatchResult::Kind::not_found) << method_name(method) << " " << path;
      EXPECT_TRUE(m.allowed.empty()) << path;
    }
}

TEST(Router, known_reserved_path_keeps_405_with_allow_for_a_wrong_method) {
  auto r = sample();
  r.add(route(Method::get, "/health"));
  auto m = r.match(Method::post, "/health");
  ASSERT_EQ(m.kind, MatchResult::Kind::method_not_allowed);
  EXPECT_EQ(allow_header(m.allowed), "GET, HEAD");
  m = r.match(Method::del, "/api/v1/work-orders");
  ASSERT_EQ(m.kind, MatchResult::Kind::method_not_allowed);
  EXPECT_EQ(allow_header(m.allowed), "GET, HEAD, POST");
}

TEST(Router, web_app_paths_outside_the_reserved_prefixes_still_reach_the_fallback) {
  auto r = sample();
  for (auto path :
       {"/", "/customers/12", "/apiary", "/healthy", "/metrics-dashboard", "/webhooks-help"}) {
    auto m = r.match(Method::get, path);
    ASSERT_EQ(m.kind, MatchResult::Kind::found) << path;
    EXPECT_EQ(m.route->pattern, "/{path*}") << path;
    // Other methods there are still the fallback's 405, as before.
    EXPECT_EQ(r.match(Method::post, path).kind, MatchResult::Kind::method_not_allowed) << path;
  }
}

TEST(ReservedPaths, first_segment_decides_after_percent_decoding) {
  EXPECT_TRUE(is_reserved_path("/api/v1/x"));
  EXPECT_TRUE(is_reserved_path("/%61%70%69/v1/x"));
  EXPECT_FALSE(is_reserved_path("/%4detrics"));  // paths are case-sensitive: "Metrics"
  EXPECT_TRUE(is_reserved_path("/oauth"));
  EXPECT_FALSE(is_reserved_path("/oauthx"));
  EXPECT_FALSE(is_reserved_path("/app/api/x"));
  EXPECT_FALSE(is_reserved_path(""));
  EXPECT_FALSE(is_reserved_path("/%"));
  EXPECT_FALSE(is_reserved_path("/%6"));
}

namespace {
bulwark::Expected<bulwark::api::NoContent, bulwark::ApiError> typed_part_handler(
    bulwark::api::Ctx&, bulwark::api::PathId, bulwark::api::PathInt<"part">) {
  return bulwark::api::NoContent{};
}
}  // namespace

TEST(RouterDeclarations, TypedHandlersPathParametersMustBeInThePattern) {
  Router r;
  auto ok = route(Method::del, "/w/{id:int}/parts/{part:int}");
  ok.effect = Effect::changes_state;
  ok.handler = bulwark::api::endpoint<typed_part_handler>();
  EXPECT_NO_THROW(r.add(ok));
  auto typo = route(Method::del, "/w/{id:int}/parts/{prt:int}");
  typo.effect = Effect::changes_state;
  typo.handler = bulwark::api::endpoint<typed_part_handler>();
  EXPECT_THROW(r.add(typo), RouteDeclarationError);
  auto not_int = route(Method::del, "/w/{id:int}/parts/{part:slug}");
  not_int.effect = Effect::changes_state;
  not_int.handler = bulwark::api::endpoint<typed_part_handler>();
  EXPECT_THROW(r.add(not_int), RouteDeclarationError);
}
