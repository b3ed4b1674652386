#include "app/app.hpp"

#include "app/pipeline.hpp"
#include "logging/log.hpp"

namespace bulwark::app {

using http::Request;
using http::Response;

namespace {

// The handler, behind the one boundary where its exceptions become answers:
// an ApiError its own response, a lost database a 503.
Response call_handler(Exchange& ex) {
  RequestContext ctx{ex.request, ex.match.params, *ex.match.route, ex.services, ex.principal};
  try {
    return ex.match.route->handler(ctx);
  } catch (const ApiError& e) {
    return error_response(e, ex.request.request_id);
  } catch (const DatabaseUnavailable&) {
    logging::warn("database unavailable", {{logging::Field::request_id, ex.request.request_id}});
    auto response = error_response(
        ApiError(ErrorCode::service_unavailable, "the service is temporarily unavailable"),
        ex.request.request_id);
    response.headers.set("Retry-After", "5");
    return response;
  }
}

// The stages until one answers, else the handler. MUST-006 / MUST-NOT-002:
// anything unexpected is a 500 that tells the client only the request id.
Response answer(Exchange& ex) noexcept {
  try {
    for (Stage stage : kBeforeHandler)
      if (auto verdict = stage(ex)) return std::move(*verdict);
    return call_handler(ex);
  } catch (const std::exception& e) {
    logging::error("unhandled exception", {{logging::Field::request_id, ex.request.request_id},
                                           {logging::Field::reason, std::string_view(e.what())}});
  } catch (...) {
    logging::error("unhandled exception", {{logging::Field::request_id, ex.request.request_id}});
  }
  return internal_error_response(ex.request.request_id);
}

}  // namespace

App::App(Services services, http::Router router)
    : services_(services), router_(std::move(router)) {}

Response App::handle(Request& request, const http::MatchResult& match, std::string_view peer_ip,
                     bool tls) noexcept {
  Exchange ex{request, match, services_, rate_limiter_, peer_ip, tls};
  Response response = answer(ex);
  for (Finisher finish : kAlways) finish(ex, response);
  return response;
}

Response App::reject(Request& request, std::string_view peer_ip, bool tls,
                     const ApiError& error) noexcept {
  static const http::MatchResult kNoRoute;
  Exchange ex{request, kNoRoute, services_, rate_limiter_, peer_ip, tls};
  try {
    stages::trusted_proxy(ex);
    if (request.request_id.empty()) stages::request_id(ex);
    Response response = error_response(error, request.request_id);
    response.close_connection = true;
    for (Finisher finish : kAlways) finish(ex, response);
    return response;
  } catch (...) {
    Response response;
    response.status = http_status(error.code);
    response.close_connection = true;
    return response;
  }
}

}  // namespace bulwark::app
