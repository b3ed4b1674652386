// Small building blocks: UTF-8, JSON bodies, rate limiting, forwarding,
// error envelope, log lines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/secret.hpp"
#include "core/utf8.hpp"
#include "http/forwarded.hpp"
#include "http/json_body.hpp"
#include "logging/log.hpp"
#include "security/rate_limiter.hpp"

using namespace bulwark;

TEST(Utf8, AcceptsValidAndRejectsMalformed) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\xBD"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

namespace {
http::Request json_request(std::string body, const std::string& type = "application/json") {
  http::Request r;
  r.method = http::Method::post;
  r.headers.set("Content-Type", type);
  r.body = std::move(body);
  return r;
}
ErrorCode code_of(const http::Request& r) {
  try {
    http::parse_json_object_body(r);
  } catch (const ApiError& e) {
    return e.code;
  }
  return ErrorCode::internal;  // "no error" is a failure for these tests
}
}  // namespace

TEST(JsonBody, ParsesAnObject) {
  auto o =
      http::parse_json_object_body(json_request(R"({"a":1})", "application/json; charset=utf-8"));
  EXPECT_EQ(o.at("a").as_int64(), 1);
}

TEST(JsonBody, must_003_bad_bodies_get_clear_errors) {
  EXPECT_EQ(code_of(json_request("{\"a\":")), ErrorCode::invalid_json);
  EXPECT_EQ(code_of(json_request("[1,2]")), ErrorCode::invalid_json);
  EXPECT_EQ(code_of(json_request("{\"a\":\"\xC3\x28\"}")), ErrorCode::invalid_utf8);
  EXPECT_EQ(code_of(json_request("{}", "text/plain")), ErrorCode::unsupported_media_type);
  EXPECT_EQ(code_of(json_request(std::string(200, '[') + std::string(200, ']'))),
            ErrorCode::invalid_json);
}

TEST(RateLimiter, AllowsBurstThenAsksToWait) {
  security::RateLimiter limiter;
  security::RateLimit limit{3, 1.0};
  auto t0 = security::RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(limiter.acquire("ip", limit, t0));
  auto wait = limiter.acquire("ip", limit, t0);
  ASSERT_TRUE(wait);
  EXPECT_GE(wait->count(), 1);
  EXPECT_FALSE(limiter.acquire("other-ip", limit, t0));                      // keys are independent
  EXPECT_FALSE(limiter.acquire("ip", limit, t0 + std::chrono::seconds(2)));  // refilled
}

TEST(RateLimiter, UnlimitedNeverWaits) {
  security::RateLimiter limiter;
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(limiter.acquire("ip", {}));
}

TEST(Forwarding, HeadersFromUntrustedPeersAreIgnored) {
  http::Request r;
  r.headers.set("X-Forwarded-For", "1.2.3.4");
  r.headers.set("X-Forwarded-Proto", "https");
  http::apply_forwarding(r, "203.0.113.9", false, "10.0.0.1");
  EXPECT_EQ(r.client_ip, "203.0.113.9");
  EXPECT_FALSE(r.secure);
}

TEST(Forwarding, TrustedProxyGivesLastHopAndScheme) {
  http::Request r;
  r.headers.set("X-Forwarded-For", "6.6.6.6, 198.51.100.7");  // first entry is client-made
  r.headers.set("X-Forwarded-Proto", "https");
  http::apply_forwarding(r, "10.0.0.1", false, "10.0.0.1");
  EXPECT_EQ(r.client_ip, "198.51.100.7");
  EXPECT_TRUE(r.secure);
}

TEST(ErrorEnvelope, must_not_002_internal_error_says_nothing_but_the_request_id) {
  auto res = internal_error_response("req-1");
  EXPECT_EQ(res.status, 500);
  auto body = boost::json::parse(res.body).as_object().at("error").as_object();
  EXPECT_EQ(body.at("code").as_string(), "internal");
  EXPECT_EQ(body.at("message").as_string(), "internal error");
  EXPECT_EQ(body.at("request_id").as_string(), "req-1");
  EXPECT_EQ(body.size(), 3u);
}

TEST(ErrorEnvelope, FieldErrorsAndReasonAreIncluded) {
  auto res = error_response(ApiError(ErrorCode::validation_failed, "invalid input", "bad_fields",
                                     {{"phone", "must be E.164"}}),
                            "r");
  EXPECT_EQ(res.status, 400);
  auto e = boost::json::parse(res.body).as_object().at("error").as_object();
  EXPECT_EQ(e.at("reason").as_string(), "bad_fields");
  EXPECT_EQ(e.at("fields").as_object().at("phone").as_string(), "must be E.164");
}

TEST(ErrorEnvelope, EveryCodeMapsToAClientOrServerStatus) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::service_unavailable); ++i) {
    auto code = static_cast<ErrorCode>(i);
    EXPECT_GE(http_status(code), 400);
    EXPECT_LT(http_status(code), 600);
    EXPECT_FALSE(code_name(code).empty());
  }
}

TEST(Logging, must_not_001_lines_hold_only_allowlisted_fields) {
  auto line = logging::format_line(logging::Level::info, "request",
                                   {{logging::Field::route, "/api/v1/customers/{id:int}"},
                                    {logging::Field::status, std::int64_t{200}}});
  auto o = boost::json::parse(line).as_object();
  EXPECT_EQ(o.at("msg").as_string(), "request");
  EXPECT_EQ(o.at("route").as_string(), "/api/v1/customers/{id:int}");
  EXPECT_EQ(o.at("status").as_int64(), 200);
  EXPECT_TRUE(o.contains("time"));
  EXPECT_EQ(o.size(), 5u);  // time, level, msg, route, status
}

TEST(Logging, ValuesAreJsonEscapedSoLinesCannotBeForged) {
  auto line = logging::format_line(logging::Level::warn, "x",
                                   {{logging::Field::reason, "a\"}\n{\"level\":\"fake"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto o = boost::json::parse(line).as_object();
  EXPECT_EQ(o.at("level").as_string(), "warn");
}

TEST(Secret, RevealIsTheOnlyWayOut) {
  Secret s("sk_test_value");
  EXPECT_EQ(s.reveal(), "sk_test_value");
  EXPECT_EQ(s.size(), 13u);
  static_assert(!std::is_convertible_v<Secret, std::string>);
  static_assert(!std::is_convertible_v<Secret, std::string_view>);
}

// --- JsonWriter: what it writes must parse back to the same values ---
#include <boost/json.hpp>

#include "http/json_writer.hpp"

TEST(JsonWriter, WritesWhatBoostJsonReadsBack) {
  std::string out;
  bulwark::http::JsonWriter w(out);
  const std::string nasty = std::string("q\"uote \\ back\nnew\ttab\x01\x1f ") + "\xc3\xa9 <script>";
  w.begin_object();
  w.field("s", nasty);
  w.field("i", std::int64_t{-9007199254740993});
  w.field("d", 1.5);
  w.field("b", true);
  w.key("n");
  w.null();
  w.key("a");
  w.begin_array();
  w.integer(1);
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.string("");
  w.end_array();
  w.key("inf");
  w.number(1.0 / 0.0);
  w.end_object();
  auto v = boost::json::parse(out).as_object();
  EXPECT_EQ(v.at("s").as_string(), nasty);
  EXPECT_EQ(v.at("i").as_int64(), -9007199254740993);
  EXPECT_EQ(v.at("d").as_double(), 1.5);
  EXPECT_TRUE(v.at("b").as_bool());
  EXPECT_TRUE(v.at("n").is_null());
  EXPECT_TRUE(v.at("inf").is_null());
  EXPECT_EQ(boost::json::serialize(v.at("a")), R"([1,{},[],""])");
}
