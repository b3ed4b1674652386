#include "core/error.hpp"

#include <boost/json.hpp>

namespace bulwark {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request: return 400;
    case ErrorCode::invalid_json: return 400;
    case ErrorCode::invalid_utf8: return 400;
    case ErrorCode::validation_failed: return 400;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::unprocessable: return 422;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::csrf_failed: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::method_not_allowed: return 405;
    case ErrorCode::conflict: return 409;
    case ErrorCode::request_timeout: return 408;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::header_too_large: return 431;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::internal: return 500;
    case ErrorCode::not_implemented: return 501;
    case ErrorCode::service_unavailable: return 503;
  }
  return 500;
}

std::string_view code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::invalid_json: return "invalid_json";
    case ErrorCode::invalid_utf8: return "invalid_utf8";
    case ErrorCode::validation_failed: return "validation_failed";
    case ErrorCode::unsupported_media_type: return "unsupported_media_type";
    case ErrorCode::unprocessable: return "unprocessable";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::csrf_failed: return "csrf_failed";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::method_not_allowed: return "method_not_allowed";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::request_timeout: return "request_timeout";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::header_too_large: return "header_too_large";
    case ErrorCode::rate_limited: return "rate_limited";
    case ErrorCode::internal: return "internal";
    case ErrorCode::not_implemented: return "not_implemented";
    case ErrorCode::service_unavailable: return "service_unavailable";
  }
  return "internal";
}

http::Response error_response(const ApiError& error, std::string_view request_id) {
  boost::json::object body;
  body["code"] = code_name(error.code);
  body["message"] = error.what();
  if (!error.reason.empty()) body["reason"] = error.reason;
  if (!error.fields.empty()) {
    boost::json::object fields;
    for (const auto& [name, problem] : error.fields) fields[name] = problem;
    body["fields"] = std::move(fields);
  }
  body["request_id"] = request_id;
  http::Response res;
  res.status = http_status(error.code);
  res.headers.set("Content-Type", "application/json");
  res.body = boost::json::serialize(boost::json::object{{"error", std::move(body)}});
  return res;
}

http::Response internal_error_response(std::string_view request_id) {
  return error_response(ApiError(ErrorCode::internal, "internal error"), request_id);
}

}  // namespace bulwark
