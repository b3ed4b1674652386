#pragma once
// The request pipeline, in one place: kBeforeHandler is the order in which
// App::handle runs the stages before the handler, kAlways what runs on every
// response after it. Each stage answers (a response: the request stops
// there) or passes (nullopt). The static_assert below refuses a build where a
// stage that depends on another runs before it (e.g. authorize before
// authenticate).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

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
  std::string idempotency_key = {};  // set by idempotency when this request claimed the key
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
Verdict ip_allowlist(Exchange& ex);   // the org's allowed client ranges -> 403 ip_not_allowed
Verdict csrf(Exchange& ex);           // per route.csrf; the session's token -> 403
Verdict authorize(Exchange& ex);      // route.permission -> 403
Verdict step_up(Exchange& ex);        // route.step_up: a factor within 15 minutes -> 403
Verdict idempotency(Exchange& ex);    // Idempotency-Key: replay, 409 in flight, 422 reused

void security_headers(Exchange& ex, http::Response& response) noexcept;    // CSP, HSTS, ...
void request_id_header(Exchange& ex, http::Response& response) noexcept;   // X-Request-Id
void idempotency_record(Exchange& ex, http::Response& response) noexcept;  // the first answer
void access_log(Exchange& ex, http::Response& response) noexcept;          // allowlisted fields
}  // namespace stages

// A list of stages known to the compiler as template arguments, so that its
// order can be checked at compile time. The check compares the arguments
// themselves (template identity), never function addresses: an address
// comparison is not a constant expression under the sanitizers.
template <auto... Stages>
struct StageList {
  static constexpr std::size_t kSize = sizeof...(Stages);
  static constexpr auto kArray = std::array{Stages...};

  template <auto F>
  static constexpr std::size_t index_of() {
    std::size_t i = 0, found = kSize;
    ((found = (found == kSize && std::is_same_v<Tag<F>, Tag<Stages>>) ? i : found, ++i), ...);
    return found;
  }
  // Both are in the list, and First comes before Second.
  template <auto First, auto Second>
  static constexpr bool runs_before() {
    return index_of<First>() < kSize && index_of<Second>() < kSize &&
           index_of<First>() < index_of<Second>();
  }

 private:
  template <auto F>
  struct Tag {};
};

using BeforeHandler = StageList<&stages::trusted_proxy,  // first: rate limits key on the client IP
                                &stages::request_id,     // before anything that logs
                                &stages::route_found,    // later stages read the route's rules
                                &stages::rate_limit,     // a spray costs a token, not a bcrypt
                                &stages::authenticate,   // the principal, or the webhook signature
                                &stages::ip_allowlist,   // needs the principal's organization
                                &stages::csrf,           // needs the session-bound token
                                &stages::authorize,      // needs the principal's role
                                &stages::step_up,        // a fresh factor, once allowed at all
                                &stages::idempotency>;   // only what may run claims a key
using Always = StageList<&stages::security_headers,      // also on rejections and 500s
                         &stages::request_id_header,     // the id the log line carries
                         &stages::idempotency_record,    // stores the answer (or frees the key)
                         &stages::access_log>;           // last: logs the final status

inline constexpr std::array<Stage, BeforeHandler::kSize> kBeforeHandler = BeforeHandler::kArray;
inline constexpr std::array<Finisher, Always::kSize> kAlways = Always::kArray;

static_assert(BeforeHandler::runs_before<&stages::trusted_proxy, &stages::rate_limit>() &&
                  BeforeHandler::runs_before<&stages::request_id, &stages::route_found>() &&
                  BeforeHandler::runs_before<&stages::route_found, &stages::rate_limit>() &&
                  BeforeHandler::runs_before<&stages::rate_limit, &stages::authenticate>() &&
                  BeforeHandler::runs_before<&stages::authenticate, &stages::ip_allowlist>() &&
                  BeforeHandler::runs_before<&stages::ip_allowlist, &stages::csrf>() &&
                  BeforeHandler::runs_before<&stages::csrf, &stages::authorize>() &&
                  BeforeHandler::runs_before<&stages::authorize, &stages::step_up>() &&
                  BeforeHandler::runs_before<&stages::step_up, &stages::idempotency>(),
              "the request pipeline is out of order");
static_assert(Always::runs_before<&stages::security_headers, &stages::access_log>() &&
                  Always::runs_before<&stages::request_id_header, &stages::access_log>() &&
                  Always::runs_before<&stages::idempotency_record, &stages::access_log>(),
              "the access log must see the final response");

}  // namespace bulwark::app
