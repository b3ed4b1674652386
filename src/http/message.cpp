#include "http/message.hpp"

#include <algorithm>
#include <cctype>

namespace bulwark::http {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}
}  // namespace

std::string_view method_name(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::options: return "OPTIONS";
    case Method::other: return "OTHER";
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  if (name == "GET") return Method::get;
  if (name == "HEAD") return Method::head;
  if (name == "POST") return Method::post;
  if (name == "PUT") return Method::put;
  if (name == "PATCH") return Method::patch;
  if (name == "DELETE") return Method::del;
  if (name == "OPTIONS") return Method::options;
  return Method::other;
}

bool is_mutating(Method m) {
  return m == Method::post || m == Method::put || m == Method::patch || m == Method::del;
}

void Headers::add(std::string_view name, std::string_view value) {
  fields_.emplace_back(lower(name), std::string(value));
}

void Headers::set(std::string_view name, std::string_view value) {
  auto key = lower(name);
  std::erase_if(fields_, [&](const auto& f) { return f.first == key; });
  fields_.emplace_back(std::move(key), std::string(value));
}

std::optional<std::string_view> Headers::get(std::string_view lower_name) const {
  for (const auto& [k, v] : fields_)
    if (k == lower_name) return std::string_view(v);
  return std::nullopt;
}

}  // namespace bulwark::http
