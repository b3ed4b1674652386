#pragma once
// Client-facing errors. One enum, mapped to an HTTP status and a stable code
// string in one switch without a default (core/error.cpp), so a new code that
// is not mapped is a compile warning, and -Werror makes it an error.
// Handlers return or throw ApiError; anything else that escapes a handler is
// an internal error and reaches the client only as "internal error".
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace bulwark {

enum class ErrorCode {
  bad_request,
  invalid_json,
  invalid_utf8,
  validation_failed,
  unsupported_media_type,
  unprocessable,  // 422: well-formed, understood, and refused (a failed scan, a reused key)
  unauthenticated,
  forbidden,
  csrf_failed,
  not_found,
  method_not_allowed,
  conflict,
  request_timeout,
  payload_too_large,
  header_too_large,
  rate_limited,
  internal,
  not_implemented,  // 501: e.g. a transfer coding the server does not implement
  service_unavailable,
};

int http_status(ErrorCode code);
std::string_view code_name(ErrorCode code);

struct ApiError : std::runtime_error {
  ErrorCode code;
  // Machine-readable reason (a named constant such as "csrf_origin_mismatch")
  // that tests assert; empty when the code says it all.
  std::string reason;
  std::map<std::string, std::string> fields;  // field name -> what is wrong with it

  ApiError(ErrorCode c, const std::string& message, std::string why = {},
           std::map<std::string, std::string> problems = {})
      : std::runtime_error(message), code(c), reason(std::move(why)), fields(std::move(problems)) {}
};

// The database could not be reached; the request gets a 503 and the pool
// reconnects on its own.
struct DatabaseUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The JSON envelope: {"error":{"code","message","reason"?,"fields"?,"request_id"}}.
http::Response error_response(const ApiError& error, std::string_view request_id);
http::Response internal_error_response(std::string_view request_id);

}  // namespace bulwark
