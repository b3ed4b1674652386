// Idempotency keys (issue 12 item 8), on both engines: the table
// (idempotency/key_store.cpp) and the pipeline stage with its finisher
// (app/idempotency_stage.cpp) around a handler that counts its runs, so a
// replay that ran the handler twice fails here.
#include <gtest/gtest.h>

#include "app/pipeline.hpp"
#include "app/retention.hpp"
#include "area_org_fixture.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "http/web_files.hpp"
#include "idempotency/key_store.hpp"

using namespace bulwark;
using idempotency::ClaimOutcome;

namespace {

class Idempotency : public bulwark::testing::OrgFixture {
 protected:
  idempotency::KeyRef ref(std::string_view key, std::int64_t user = 0, std::int64_t org = 0) {
    return {org ? org : org_, user ? user : tech_, key};
  }
  ClaimOutcome claim(const idempotency::KeyRef& r, std::string_view hash, std::int64_t now) {
    return idempotency::claim(*db_, r, hash, now).outcome;
  }
  std::int64_t rows_of(std::int64_t org) {
    return db_->query(store::Sql("SELECT COUNT(*) FROM idempotency_keys WHERE org_id = $1"), {org})
        .rows.at(0)
        .integer(0);
  }
};

// The pipeline's idempotency stage, then a handler, then the finisher, as
// App::handle runs them.
class IdempotencyStage : public Idempotency {
 protected:
  void SetUp() override {
    Idempotency::SetUp();
    if (IsSkipped()) return;
    services_.emplace(app::Services{config_, *db_, files_, clock_});
    route_ = {.method = http::Method::post,
              .pattern = "/api/v1/work-orders/{id:int}/time",
              .auth = http::Auth::session_or_token,
              .permission = http::no_permission(),
              .rate = http::RateClass::standard,
              .effect = http::Effect::changes_state,
              .csrf = http::Csrf::session_token,
              .execution = http::Execution::pool,
              .handler = {},
              .summary = ""};
  }

  // One request through stage, "handler" (counts, answers `status`) and finisher.
  http::Response send(std::string_view key, std::string body, std::int64_t user = 0,
                      std::int64_t org = 0, int status = 201) {
    http::Request request;
    request.method = route_.method;
    request.path = "/api/v1/work-orders/7/time";
    request.body = std::move(body);
    if (!key.empty()) request.headers.add("Idempotency-Key", key);
    http::MatchResult match;
    match.kind = http::MatchResult::Kind::found;
    match.route = &route_;
    app::Principal who;
    who.org_id = org ? org : org_;
    who.user_id = user ? user : tech_;
    app::Exchange ex{request, match, *services_, limiter_, "127.0.0.1", false, who};
    http::Response response;
    if (auto verdict = app::stages::idempotency(ex)) {
      response = std::move(*verdict);
    } else {
      ++handled_;
      response.status = status;
      response.headers.set("Content-Type", "application/json");
      response.headers.set("Set-Cookie", "never=stored");
      response.body = R"({"minutes":)" + std::to_string(handled_) + "}";
    }
    app::stages::idempotency_record(ex, response);
    return response;
  }
  static std::string reason_of(const http::Response& r) {
    auto at = r.body.find(R"("reason":")");
    if (at == std::string::npos) return "";
    at += 10;
    return r.body.substr(at, r.body.find('"', at) - at);
  }

  config::Config config_;
  http::WebFiles files_{"/nonexistent"};
  core::FakeClock clock_{now_};
  std::optional<app::Services> services_;
  security::RateLimiter limiter_;
  http::Route route_;
  int handled_ = 0;
};

}  // namespace

TEST(IdempotencyKeys, KeyIsOneTo255PrintableAsciiCharacters) {
  EXPECT_TRUE(idempotency::valid_key("a"));
  EXPECT_TRUE(idempotency::valid_key("0c6f1f2e-8a4b-4c55-9d0e-3b7a1c2d4e5f"));
  EXPECT_TRUE(idempotency::valid_key(std::string(255, 'k')));
  EXPECT_FALSE(idempotency::valid_key(""));
  EXPECT_FALSE(idempotency::valid_key(std::string(256, 'k')));
  EXPECT_FALSE(idempotency::valid_key("tab\there"));
  EXPECT_FALSE(idempotency::valid_key("caf\xc3\xa9"));
  EXPECT_FALSE(idempotency::valid_key(" padded"));
}

TEST(IdempotencyKeys, HashTellsRequestsApart) {
  const auto a = idempotency::request_hash("POST", "/x", "", R"({"a":1})");
  EXPECT_EQ(a, idempotency::request_hash("POST", "/x", "", R"({"a":1})"));
  EXPECT_NE(a, idempotency::request_hash("PATCH", "/x", "", R"({"a":1})"));
  EXPECT_NE(a, idempotency::request_hash("POST", "/y", "", R"({"a":1})"));
  EXPECT_NE(a, idempotency::request_hash("POST", "/x", "q=1", R"({"a":1})"));
  EXPECT_NE(a, idempotency::request_hash("POST", "/x", "", R"({"a":2})"));
  // No two parts run into each other.
  EXPECT_NE(idempotency::request_hash("POST", "/x", "ab", ""),
            idempotency::request_hash("POST", "/xa", "b", ""));
}

TEST_P(Idempotency, ClaimThenReplayTheStoredAnswer) {
  EXPECT_EQ(claim(ref("k1"), "h", now_), ClaimOutcome::claimed);
  EXPECT_EQ(claim(ref("k1"), "h", now_), ClaimOutcome::in_progress);
  idempotency::complete(*db_, ref("k1"), {201, "application/json", "/api/v1/x/1", R"({"id":1})"});
  auto again = idempotency::claim(*db_, ref("k1"), "h", now_ + 1000);
  ASSERT_EQ(again.outcome, ClaimOutcome::replay);
  EXPECT_EQ(again.answer.status, 201);
  EXPECT_EQ(again.answer.location, "/api/v1/x/1");
  EXPECT_EQ(again.answer.body, R"({"id":1})");
  EXPECT_EQ(claim(ref("k1"), "other", now_), ClaimOutcome::reused);
}

TEST_P(Idempotency, KeysAreScopedToOrganizationAndUser) {
  EXPECT_EQ(claim(ref("shared"), "h", now_), ClaimOutcome::claimed);
  EXPECT_EQ(claim(ref("shared", owner_), "h2", now_), ClaimOutcome::claimed);
  const auto other = other_org();
  EXPECT_EQ(claim(ref("shared", tech_, other), "h3", now_), ClaimOutcome::claimed);
  EXPECT_EQ(rows_of(org_), 2);
  EXPECT_EQ(rows_of(other), 1);
}

TEST_P(Idempotency, ReleasedKeyRunsAgain) {
  EXPECT_EQ(claim(ref("k"), "h", now_), ClaimOutcome::claimed);
  idempotency::release(*db_, ref("k"));
  EXPECT_EQ(claim(ref("k"), "h", now_), ClaimOutcome::claimed);
}

TEST_P(Idempotency, KeyExpiresAfter24HoursAndTheSweepDeletesIt) {
  EXPECT_EQ(claim(ref("k"), "h", now_), ClaimOutcome::claimed);
  idempotency::complete(*db_, ref("k"), {200, "", "", "{}"});
  const auto day = idempotency::kRetentionMs;
  EXPECT_EQ(claim(ref("k"), "h", now_ + day - 1), ClaimOutcome::replay);
  // Past 24 h the key is new again, even before any sweep.
  EXPECT_EQ(claim(ref("k"), "other", now_ + day), ClaimOutcome::claimed);
  config::Config config;
  EXPECT_GE(app::sweep_retention(*db_, config, now_ + 2 * day).idempotency_keys, 1);
  EXPECT_EQ(rows_of(org_), 0);
}

// Issue 12: a request that died holding its key (a crash between the claim
// and the answer) no longer blocks its retries for 24 h.
TEST_P(Idempotency, KeyLeftInFlightIsReleasedAfterTwoMinutes) {
  const auto stale = idempotency::kStaleInFlightMs;
  EXPECT_EQ(claim(ref("crashed"), "h", now_), ClaimOutcome::claimed);
  EXPECT_EQ(claim(ref("crashed"), "h", now_ + stale - 1), ClaimOutcome::in_progress);
  EXPECT_EQ(claim(ref("crashed"), "h", now_ + stale), ClaimOutcome::claimed);
  // An answered key is kept; a dead in_flight one is swept.
  EXPECT_EQ(claim(ref("answered"), "h", now_), ClaimOutcome::claimed);
  idempotency::complete(*db_, ref("answered"), {200, "", "", "{}"});
  config::Config config;
  EXPECT_EQ(app::sweep_retention(*db_, config, now_ + 2 * stale).idempotency_keys, 1);
  EXPECT_EQ(rows_of(org_), 1);
}

TEST_P(IdempotencyStage, ReplayAfterALostAnswerDoesNotRunTheHandlerTwice) {
  auto first = send("lost-answer", R"({"minutes":30})");
  EXPECT_EQ(first.status, 201);
  EXPECT_FALSE(first.headers.get("Idempotent-Replayed"));
  auto replay = send("lost-answer", R"({"minutes":30})");
  EXPECT_EQ(handled_, 1);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(replay.headers.get("Idempotent-Replayed").value_or(""), "true");
  EXPECT_FALSE(replay.headers.get("Set-Cookie"));  // the answer, not its cookies
}

TEST_P(IdempotencyStage, SameKeyDifferentBodyIs422) {
  send("k", R"({"minutes":30})");
  auto reused = send("k", R"({"minutes":45})");
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reason_of(reused), "idempotency_key_reused");
  EXPECT_EQ(handled_, 1);
}

TEST_P(IdempotencyStage, ConcurrentDuplicateIs409) {
  ASSERT_EQ(claim(ref("busy"),
                  idempotency::request_hash("POST", "/api/v1/work-orders/7/time", "", "{}"), now_),
            ClaimOutcome::claimed);
  auto dup = send("busy", "{}");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(reason_of(dup), "idempotency_in_progress");
  EXPECT_EQ(handled_, 0);
}

TEST_P(IdempotencyStage, OtherUserAndOtherOrgAreIndependent) {
  send("k", "{}");
  send("k", "{}", owner_);
  send("k", "{}", tech_, other_org());
  EXPECT_EQ(handled_, 3);
}

TEST_P(IdempotencyStage, ServerErrorFreesTheKeyAndNoKeyChangesNothing) {
  EXPECT_EQ(send("k", "{}", 0, 0, 503).status, 503);
  EXPECT_EQ(send("k", "{}").status, 201);
  EXPECT_EQ(handled_, 2);
  send("", "{}");
  send("", "{}");
  EXPECT_EQ(handled_, 4);
  EXPECT_EQ(rows_of(org_), 1);
}

TEST_P(IdempotencyStage, BadKeyIs400AndExpiryFollowsTheClock) {
  EXPECT_EQ(send(std::string(256, 'x'), "{}").status, 400);
  send("k", "{}");
  clock_.advance_ms(idempotency::kRetentionMs);
  EXPECT_FALSE(send("k", "{}").headers.get("Idempotent-Replayed"));
  EXPECT_EQ(handled_, 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, Idempotency, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyStage, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
