#pragma once
// Typed reading of a JSON request object with field-level errors
// (MUST-003, MUST-NOT-005): every field the endpoint does not know is
// refused, types and lengths are checked, and all problems are reported at
// once as 400 {"error":{"code":"validation_failed","fields":{...}}}.
#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::http {

class JsonReader {
 public:
  // `known` lists every field the endpoint accepts.
  JsonReader(const boost::json::object& body, std::initializer_list<std::string_view> known);

  std::string required_string(std::string_view name, std::size_t max_length,
                              std::size_t min_length = 1);
  std::optional<std::string> optional_string(std::string_view name, std::size_t max_length);
  std::optional<bool> optional_bool(std::string_view name);
  std::optional<std::int64_t> optional_int(std::string_view name, std::int64_t min,
                                           std::int64_t max);
  bool has(std::string_view name) const { return body_.contains(name); }

  void fail(std::string_view name, std::string problem);
  // Throws ApiError(validation_failed) if any problem was recorded.
  void finish();

 private:
  const boost::json::object& body_;
  std::map<std::string, std::string> problems_;
};

}  // namespace bulwark::http
