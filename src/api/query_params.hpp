#pragma once
// Query-string parameters, decoded with Boost.URL; malformed values are a
// 400 naming the parameter.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::api {

class QueryParams {
 public:
  explicit QueryParams(std::string_view query);  // throws ApiError on bad encoding
  std::optional<std::string> text(const std::string& name, std::size_t max_length = 200) const;
  std::optional<std::int64_t> integer(const std::string& name, std::int64_t min,
                                      std::int64_t max) const;
  // Refuses parameters the endpoint does not know.
  void allow_only(std::initializer_list<std::string_view> names) const;

 private:
  std::map<std::string, std::string> values_;
};

// "%term%" for a case-insensitive LIKE ... ESCAPE '\\' on lower(column):
// the search term's own % _ and \ are literal characters, not patterns.
std::string like_pattern(std::string_view term);

}  // namespace bulwark::api
