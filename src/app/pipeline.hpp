#pragma once
// The request pipeline, in one place: kBeforeHandler is the order in which
// App::handle runs the stages before the handler, kAlways what runs on every
// response after it. Each stage answers (a response: the request stops
// there) or passes (nullopt). The static_assert below refuses a build where a
// stage that depends on another runs before it (e.g. authorize before
// authenticate).
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "app/context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "security/rate_limiter.hpp"

namespace bulwark::app {

// One request on its way through the pipeline. The route was matched once,
// by the server, which also picked the thread this runs on from it.
struct Exchange {
  http::Request& request;
  const http::MatchResult& match;
  Services& services;
  security::RateLimiter& rate_limiter;
  std::string_view peer_ip;                           // the socket's peer, before X-Forwarded-For
  bool tls = false;                                   // this hop
  std::optional<Principal> principal = std::nullopt;  // set by authenticate
};

using Verdict = std::optional<http::Response>;  // nullopt: go on
using Stage = Verdict (*)(Exchange&);
// After the response exists, whatever it is (a rejection, a 500 too).
using Finisher = void (*)(Exchange&, http::Response&) noexcept;

namespace stages {
Verdict trusted_proxy(Exchange& ex);  // client IP and scheme, X-Forwarded-* only from the proxy
Verdict request_id(Exchange& ex);     // in every later log line and on the response
Verdict route_found(Exchange& ex);    // 404 / 405 with Allow
Verdict rate_limit(Exchange& ex);     // per client IP and rate class -> 429 with Retry-After
Verdict authenticate(Exchange& ex);   // per route.auth -> 401 (session), 403 (webhook signature)
Verdict csrf(Exchange& ex);           // per route.csrf; the session's token -> 403
Verdict authorize(Exchange& ex);      // route.permission -> 403

void security_headers(Exchange& ex, http::Response& response) noexcept;   // CSP, HSTS, ...
void request_id_header(Exchange& ex, http::Response& response) noexcept;  // X-Request-Id
void access_log(Exchange& ex, http::Response& response) noexcept;         // allowlisted fields
}  // namespace stages

inline constexpr auto kBeforeHandler = std::to_array<Stage>({
    &stages::trusted_proxy,  // first: rate limits key on the client IP it finds
    &stages::request_id,     // before anything that logs
    &stages::route_found,    // every later stage reads the route's declarations
    &stages::rate_limit,     // before authenticate: a spray costs a token, not a bcrypt
    &stages::authenticate,   // the principal, or the webhook's signature
    &stages::csrf,           // needs the principal's session-bound token
    &stages::authorize,      // needs the principal's role
});

inline constexpr auto kAlways = std::to_array<Finisher>({
    &stages::security_headers,   // also on rejections and 500s
    &stages::request_id_header,  // the id the log line carries
    &stages::access_log,         // last: logs the final status
});

template <typename T, std::size_t N>
constexpr bool runs_before(const std::array<T, N>& list, T first, T second) {
  const auto a = std::ranges::find(list, first), b = std::ranges::find(list, second);
  return a != list.end() && b != list.end() && a < b;
}

static_assert(runs_before(kBeforeHandler, &stages::trusted_proxy, &stages::rate_limit) &&
                  runs_before(kBeforeHandler, &stages::request_id, &stages::route_found) &&
                  runs_before(kBeforeHandler, &stages::route_found, &stages::rate_limit) &&
                  runs_before(kBeforeHandler, &stages::rate_limit, &stages::authenticate) &&
                  runs_before(kBeforeHandler, &stages::authenticate, &stages::csrf) &&
                  runs_before(kBeforeHandler, &stages::csrf, &stages::authorize),
              "the request pipeline is out of order");
static_assert(runs_before<Finisher>(kAlways, &stages::security_headers, &stages::access_log) &&
                  runs_before<Finisher>(kAlways, &stages::request_id_header, &stages::access_log),
              "the access log must see the final response");

}  // namespace bulwark::app
