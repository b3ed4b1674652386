#include "api/query_params.hpp"

#include <algorithm>
#include <boost/url/parse_query.hpp>
#include <charconv>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace bulwark::api {

QueryParams::QueryParams(std::string_view query) {
  if (query.empty()) return;
  auto parsed = boost::urls::parse_query(query);
  if (!parsed)
    throw ApiError(ErrorCode::bad_request, "the query string is malformed", "malformed_query");
  for (auto param : *parsed) {
    const boost::urls::encoding_opts plus_is_space(true);
    std::string key = param.key.decode(plus_is_space);
    std::string value = param.has_value ? param.value.decode(plus_is_space) : std::string();
    if (!is_valid_utf8(key) || !is_valid_utf8(value))
      throw ApiError(ErrorCode::invalid_utf8, "the query string is not valid UTF-8");
    if (values_.contains(key))
      throw ApiError(ErrorCode::validation_failed, "a parameter is repeated", "repeated_parameter",
                     {{key, "given more than once"}});
    values_.emplace(std::move(key), std::move(value));
  }
}

std::optional<std::string> QueryParams::text(const std::string& name,
                                             std::size_t max_length) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  if (it->second.size() > max_length)
    throw ApiError(ErrorCode::validation_failed, "a parameter is too long", "invalid_parameter",
                   {{name, "must be at most " + std::to_string(max_length) + " characters"}});
  return it->second;
}

std::optional<std::int64_t> QueryParams::integer(const std::string& name, std::int64_t min,
                                                 std::int64_t max) const {
  auto v = text(name, 20);
  if (!v) return std::nullopt;
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || end != v->data() + v->size() || out < min || out > max)
    throw ApiError(ErrorCode::validation_failed, "a parameter is out of range", "invalid_parameter",
                   {{name, "must be an integer between " + std::to_string(min) + " and " +
                               std::to_string(max)}});
  return out;
}

void QueryParams::allow_only(std::initializer_list<std::string_view> names) const {
  std::map<std::string, std::string> unknown;
  for (const auto& [k, v] : values_)
    if (std::ranges::find(names, k) == names.end()) unknown.emplace(k, "unknown parameter");
  if (!unknown.empty())
    throw ApiError(ErrorCode::validation_failed, "unknown query parameters", "unknown_parameter",
                   std::move(unknown));
}

std::string like_pattern(std::string_view term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out + "%";
}

}  // namespace bulwark::api
