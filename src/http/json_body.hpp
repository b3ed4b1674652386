#pragma once
// Turns a request body into JSON, or a clear 4xx: wrong Content-Type (415),
// invalid UTF-8, malformed JSON, nesting deeper than kMaxDepth, a top level
// that is not an object. Size was already bounded by the HTTP parser.
#include <boost/json/value.hpp>

#include "http/message.hpp"

namespace bulwark::http {

inline constexpr std::size_t kMaxJsonDepth = 32;

boost::json::object parse_json_object_body(const Request& request);
boost::json::value parse_json_text(std::string_view text);  // throws ApiError

}  // namespace bulwark::http
