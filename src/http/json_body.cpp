#include "http/json_body.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace bulwark::http {

boost::json::value parse_json_text(std::string_view text) {
  if (!is_valid_utf8(text))
    throw ApiError(ErrorCode::invalid_utf8, "the request body is not valid UTF-8");
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec, {}, options);
  if (ec == boost::json::error::too_deep)
    throw ApiError(ErrorCode::invalid_json, "the JSON is nested too deeply", "json_too_deep");
  if (ec) throw ApiError(ErrorCode::invalid_json, "the request body is not valid JSON");
  return v;
}

boost::json::object parse_json_object_body(const Request& request) {
  auto type = request.headers.get("content-type").value_or("");
  auto semicolon = type.find(';');
  auto media = type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media != "application/json")
    throw ApiError(ErrorCode::unsupported_media_type, "send the body as application/json");
  auto v = parse_json_text(request.body);
  if (!v.is_object())
    throw ApiError(ErrorCode::invalid_json, "the request body must be a JSON object");
  return std::move(v.as_object());
}

}  // namespace bulwark::http
