// The pipeline's stages on their own: each answers or passes, and the CSRF
// stage obeys the route's declared rule (not the method).
#include "app/pipeline.hpp"

#include <gtest/gtest.h>

#include "app/auth_stages.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "http/web_files.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
using http::Csrf;

namespace {

http::Response ok(app::RequestContext&) { return {}; }

// The stages under test never query it; Services needs one to refer to.
std::unique_ptr<store::Database> scratch_database() {
  store::DatabaseOptions o;
  o.url = bulwark::testing::test_database_url("sqlite");
  return store::open_database(o);
}

class PipelineStages : public ::testing::Test {
 protected:
  void SetUp() override { config_.public_url = "https://bulwark.example"; }

  // The CSRF stage on a request with these headers to a route with this rule.
  app::Verdict run_csrf(Csrf rule, http::Method method, std::optional<app::Principal> who,
                        std::initializer_list<std::pair<const char*, const char*>> headers) {
    route_ = {.method = method,
              .pattern = "/x",
              .auth = http::Auth::session_or_token,
              .permission = http::no_permission(),
              .rate = http::RateClass::standard,
              .effect = http::Effect::changes_state,
              .csrf = rule,
              .execution = http::Execution::pool,
              .handler = ok,
              .summary = ""};
    match_ = {};
    match_.kind = http::MatchResult::Kind::found;
    match_.route = &route_;
    request_ = {};
    request_.method = method;
    for (auto [name, value] : headers) request_.headers.add(name, value);
    app::Exchange ex{request_, match_, services_, limiter_, "127.0.0.1", false, std::move(who)};
    return app::stages::csrf(ex);
  }

  static std::string reason_of(const app::Verdict& v) {
    if (!v) return "passed";
    auto at = v->body.find(R"("reason":")");
    if (at == std::string::npos) return "status " + std::to_string(v->status);
    at += 10;
    return v->body.substr(at, v->body.find('"', at) - at);
  }

  static app::Principal session_principal() {
    app::Principal p;
    p.session_id = 7;
    p.csrf_token = "t0ken";
    return p;
  }

  config::Config config_;
  std::unique_ptr<store::Database> db_ = scratch_database();
  http::WebFiles files_{"/nonexistent"};
  core::FakeClock clock_;
  app::Services services_{config_, *db_, files_, clock_};
  security::RateLimiter limiter_;
  http::Route route_;
  http::MatchResult match_;
  http::Request request_;
};

}  // namespace

TEST_F(PipelineStages, CsrfStageObeysTheDeclaredRule) {
  const auto cross_site = {std::pair{"Sec-Fetch-Site", "cross-site"}};
  // Declared exempt (a signed webhook) or not applicable: nothing is checked.
  EXPECT_EQ(reason_of(run_csrf(Csrf::exempt_signed, http::Method::post, {}, cross_site)), "passed");
  EXPECT_EQ(reason_of(run_csrf(Csrf::not_applicable, http::Method::get, {}, cross_site)), "passed");
  // Origin rules for login and sessions alike.
  EXPECT_EQ(reason_of(run_csrf(Csrf::same_origin_only, http::Method::post, {}, cross_site)),
            "csrf_cross_site");
  EXPECT_EQ(
      reason_of(run_csrf(Csrf::session_token, http::Method::post, session_principal(), cross_site)),
      "csrf_cross_site");
  EXPECT_EQ(reason_of(run_csrf(Csrf::same_origin_only, http::Method::post, {},
                               {{"Origin", "https://evil.example"}})),
            "csrf_origin_mismatch");
  EXPECT_EQ(reason_of(run_csrf(Csrf::same_origin_only, http::Method::post, {},
                               {{"Origin", "https://bulwark.example"}})),
            "passed");
}

TEST_F(PipelineStages, SessionTokenRuleNeedsTheSessionsToken) {
  EXPECT_EQ(reason_of(run_csrf(Csrf::session_token, http::Method::post, session_principal(), {})),
            "csrf_token_missing");
  EXPECT_EQ(reason_of(run_csrf(Csrf::session_token, http::Method::patch, session_principal(),
                               {{"X-CSRF-Token", "other"}})),
            "csrf_token_mismatch");
  EXPECT_EQ(reason_of(run_csrf(Csrf::session_token, http::Method::del, session_principal(),
                               {{"X-CSRF-Token", "t0ken"}})),
            "passed");
  // A bearer token (no session) carries no ambient credential: no token to echo.
  app::Principal bearer;
  EXPECT_EQ(reason_of(run_csrf(Csrf::session_token, http::Method::post, bearer, {})), "passed");
}

// Issue 15 item 1: a step_up route refuses a bearer token outright (an API
// client has no person to ask for a second factor); other routes let it by.
// (A session's step-up time is read from the database: tests/api/test_mfa.py.)
TEST_F(PipelineStages, StepUpRouteRefusesABearerToken_ISSUE15_1) {
  auto run = [&](bool step_up, std::optional<app::Principal> who) {
    route_ = {.method = http::Method::patch,
              .pattern = "/x",
              .auth = http::Auth::session_or_token,
              .permission = http::no_permission(),
              .rate = http::RateClass::standard,
              .effect = http::Effect::changes_state,
              .csrf = Csrf::session_token,
              .execution = http::Execution::pool,
              .handler = ok,
              .summary = "",
              .step_up = step_up};
    match_ = {};
    match_.kind = http::MatchResult::Kind::found;
    match_.route = &route_;
    request_ = {};
    app::Exchange ex{request_, match_, services_, limiter_, "127.0.0.1", false, std::move(who)};
    return app::stages::step_up(ex);
  };
  const app::Principal bearer;  // session_id 0
  EXPECT_EQ(reason_of(run(true, bearer)), "step_up_required");
  EXPECT_EQ(run(true, bearer)->status, 403);
  EXPECT_EQ(reason_of(run(false, bearer)), "passed");
  EXPECT_EQ(reason_of(run(false, session_principal())), "passed");
}

TEST_F(PipelineStages, RouteFoundAnswers405WithAllowAnd404) {
  http::Request request;
  http::MatchResult match;
  match.kind = http::MatchResult::Kind::method_not_allowed;
  match.allowed = {http::Method::get, http::Method::head};
  app::Exchange ex{request, match, services_, limiter_, "127.0.0.1", false};
  auto verdict = app::stages::route_found(ex);
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->status, 405);
  EXPECT_EQ(verdict->headers.get("Allow").value_or(""), "GET, HEAD");
  match.kind = http::MatchResult::Kind::not_found;
  verdict = app::stages::route_found(ex);
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->status, 404);
}

TEST(PipelineChecks, SameOriginAndTokenChecksReturnValues) {
  config::Config config;
  http::Request request;
  request.headers.add("Origin", "null");
  auto origin = app::check_same_origin(request, config);
  ASSERT_FALSE(origin);
  EXPECT_EQ(origin.error().reason, "csrf_origin_mismatch");
  app::Principal p;
  p.csrf_token = "abc";
  request.headers.add("X-CSRF-Token", "abc");
  EXPECT_TRUE(app::check_csrf_token(request, p));
}

// The order check itself: a list in the wrong order is seen as such, by
// template identity (what the sanitizer builds can evaluate at compile time).
namespace order_check {
using bulwark::app::StageList;
namespace stages = bulwark::app::stages;
using Wrong = StageList<&stages::authorize, &stages::authenticate>;
static_assert(!Wrong::runs_before<&stages::authenticate, &stages::authorize>());
static_assert(Wrong::runs_before<&stages::authorize, &stages::authenticate>());
static_assert(!Wrong::runs_before<&stages::csrf, &stages::authorize>(), "absent: not before");
static_assert(bulwark::app::BeforeHandler::index_of<&stages::idempotency>() ==
              bulwark::app::BeforeHandler::kSize - 1);
static_assert(bulwark::app::BeforeHandler::index_of<&stages::step_up>() ==
              bulwark::app::BeforeHandler::kSize - 2);
static_assert(bulwark::app::BeforeHandler::index_of<&stages::authorize>() ==
              bulwark::app::BeforeHandler::kSize - 3);
}  // namespace order_check
