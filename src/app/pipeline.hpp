#pragma once
// The order of the request pipeline, in one place. App::handle walks this
// list; the static_assert below refuses a build where a stage that depends
// on another runs before it (e.g. authorize before authenticate).
#include <algorithm>
#include <array>
#include <string_view>

namespace bulwark::app {

enum class Stage {
  trusted_proxy,    // client IP and scheme, from X-Forwarded-* only if the peer is the trusted proxy
  request_id,       // X-Request-Id on every response, in every log line
  match_route,      // 404 / 405 with Allow
  rate_limit,       // per client IP and rate class -> 429 with Retry-After
  authenticate,     // per the route's declaration -> 401
  csrf,             // cookie-authenticated mutations -> 403
  authorize,        // the route's permission -> 403
  handle,           // the handler; exceptions stop here and become 500
  security_headers, // on every response, including errors
  access_log,       // allowlisted fields only
};

inline constexpr std::array kPipeline = {
    Stage::trusted_proxy, Stage::request_id, Stage::match_route, Stage::rate_limit,
    Stage::authenticate,  Stage::csrf,       Stage::authorize,   Stage::handle,
    Stage::security_headers, Stage::access_log,
};

constexpr std::size_t position_of(Stage s) {
  return static_cast<std::size_t>(std::ranges::find(kPipeline, s) - kPipeline.begin());
}

constexpr bool pipeline_order_is_safe() {
  for (auto s : {Stage::trusted_proxy, Stage::request_id, Stage::match_route, Stage::rate_limit,
                 Stage::authenticate, Stage::csrf, Stage::authorize, Stage::handle,
                 Stage::security_headers, Stage::access_log})
    if (position_of(s) >= kPipeline.size()) return false;  // every stage present
  return position_of(Stage::trusted_proxy) < position_of(Stage::rate_limit) &&
         position_of(Stage::match_route) < position_of(Stage::authenticate) &&
         position_of(Stage::rate_limit) < position_of(Stage::authenticate) &&
         position_of(Stage::authenticate) < position_of(Stage::csrf) &&
         position_of(Stage::csrf) < position_of(Stage::authorize) &&
         position_of(Stage::authorize) < position_of(Stage::handle) &&
         position_of(Stage::handle) < position_of(Stage::security_headers) &&
         position_of(Stage::security_headers) < position_of(Stage::access_log);
}
static_assert(pipeline_order_is_safe(), "the request pipeline is out of order");

}  // namespace bulwark::app
