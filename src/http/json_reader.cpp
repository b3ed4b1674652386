#include "http/json_reader.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace bulwark::http {

JsonReader::JsonReader(const boost::json::object& body,
                       std::initializer_list<std::string_view> known)
    : body_(body) {
  for (const auto& kv : body) {
    const std::string_view key = kv.key();
    if (std::ranges::find(known, key) == known.end()) fail(key, "unknown field");
  }
}

void JsonReader::fail(std::string_view name, std::string problem) {
  problems_.emplace(std::string(name), std::move(problem));
}

std::string JsonReader::required_string(std::string_view name, std::size_t max_length,
                                        std::size_t min_length) {
  auto v = optional_string(name, max_length);
  if (!v) {
    if (!problems_.contains(std::string(name))) fail(name, "is required");
    return {};
  }
  std::size_t characters = 0;
  for (unsigned char c : *v)
    if ((c & 0xC0) != 0x80) ++characters;
  if (characters < min_length)
    fail(name, min_length == 1 ? "must not be empty"
                               : "must be at least " + std::to_string(min_length) + " characters");
  return *v;
}

std::optional<std::string> JsonReader::optional_string(std::string_view name,
                                                       std::size_t max_length) {
  auto it = body_.find(name);
  if (it == body_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) {
    fail(name, "must be a string");
    return std::nullopt;
  }
  const auto& s = it->value().get_string();
  std::size_t characters = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++characters;
  if (characters > max_length) {
    fail(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<bool> JsonReader::optional_bool(std::string_view name) {
  auto it = body_.find(name);
  if (it == body_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) {
    fail(name, "must be true or false");
    return std::nullopt;
  }
  return it->value().get_bool();
}

std::optional<std::int64_t> JsonReader::optional_int(std::string_view name, std::int64_t min,
                                                     std::int64_t max) {
  auto it = body_.find(name);
  if (it == body_.end() || it->value().is_null()) return std::nullopt;
  std::int64_t v = 0;
  if (it->value().is_int64())
    v = it->value().get_int64();
  else if (it->value().is_uint64() && it->value().get_uint64() <= INT64_MAX)
    v = static_cast<std::int64_t>(it->value().get_uint64());
  else {
    fail(name, "must be an integer");
    return std::nullopt;
  }
  if (v < min || v > max) {
    fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

void JsonReader::finish() {
  if (problems_.empty()) return;
  throw ApiError(ErrorCode::validation_failed, "some fields are invalid", "invalid_fields",
                 problems_);
}

}  // namespace bulwark::http
