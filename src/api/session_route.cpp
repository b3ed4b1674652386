#include "api/session_route.hpp"

namespace bulwark::api {

void add_session_route(http::Router& r, http::Method m, const char* pattern,
                       security::Permission need, std::string_view scope, http::Endpoint handler,
                       const char* summary, http::BodyLimit limit) {
  const bool reads = m == http::Method::get;
  r.add({.method = m,
         .pattern = pattern,
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(need),
         .rate = http::RateClass::standard,
         .effect = reads ? http::Effect::read_only : http::Effect::changes_state,
         .csrf = reads ? http::Csrf::not_applicable : http::Csrf::session_token,
         .execution = http::Execution::pool,
         .handler = std::move(handler),
         .summary = summary,
         .scope = scope,
         .body_limit = limit});
}

void add_public_token_route(http::Router& r, http::Method m, const char* pattern,
                            http::Endpoint handler, const char* summary) {
  const bool reads = m == http::Method::get;
  r.add({.method = m,
         .pattern = pattern,
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::customer_link,
         .effect = reads ? http::Effect::read_only : http::Effect::changes_state,
         .csrf = reads ? http::Csrf::not_applicable : http::Csrf::same_origin_only,
         .execution = http::Execution::pool,
         .handler = std::move(handler),
         .summary = summary});
}

}  // namespace bulwark::api
