#include "api/openapi.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "api/routes.hpp"

namespace bulwark::api {

namespace {

// "/api/v1/users/{id:int}" -> "/api/v1/users/{id}" plus its parameters.
std::pair<std::string, boost::json::array> openapi_path(const std::string& pattern) {
  std::string path;
  boost::json::array params;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{') {
      path += pattern[i++];
      continue;
    }
    auto close = pattern.find('}', i);
    auto inner = pattern.substr(i + 1, close - i - 1);
    auto colon = inner.find(':');
    auto name = inner.substr(0, colon);
    auto type = colon == std::string::npos ? "string" : inner.substr(colon + 1);
    path += "{" + name + "}";
    boost::json::object schema = type == "int"
                                     ? boost::json::object{{"type", "integer"}, {"minimum", 0}}
                                     : boost::json::object{{"type", "string"}};
    params.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
    i = close + 1;
  }
  return {path, params};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What a client must send for the route's declared CSRF rule.
std::string_view csrf_description(http::Csrf csrf) {
  switch (csrf) {
    case http::Csrf::session_token:
      return "X-CSRF-Token header must echo the csrf_token cookie; Origin must be this site";
    case http::Csrf::same_origin_only: return "Origin (or Sec-Fetch-Site) must be this site";
    case http::Csrf::exempt_signed: return "none: the provider's signature authenticates";
    case http::Csrf::not_applicable:
    case http::Csrf::unset: return {};
  }
  return {};
}

}  // namespace

boost::json::object openapi_document(const http::Router& router) {
  boost::json::object paths;
  for (const auto& r : router.routes()) {
    if (r.pattern.ends_with("*}")) continue;  // the web app's files
    auto [path, params] = openapi_path(r.pattern);
    boost::json::object op{
        {"summary", r.summary},
        {"x-permission", security::permission_name(r.permission.value)},
        {"x-rate-class", http::rate_class_name(r.rate)},
        {"responses", {{"default", {{"description", "JSON; errors as {\"error\":{...}}"}}}}}};
    if (!params.empty()) op["parameters"] = params;
    if (r.auth == http::Auth::session_or_token)
      op["security"] = boost::json::array{boost::json::object{{"session", boost::json::array{}}}};
    else
      op["security"] = boost::json::array{};
    op["x-csrf"] = http::csrf_name(r.csrf);
    if (auto how = csrf_description(r.csrf); !how.empty()) op["x-csrf-description"] = how;
    op["x-effect"] = http::effect_name(r.effect);
    if (!r.scope.empty()) op["x-oauth-scope"] = r.scope;
    if (r.step_up) op["x-step-up"] = true;
    auto& item = paths[path];
    if (!item.is_object()) item = boost::json::object{};
    item.as_object()[lower(http::method_name(r.method))] = std::move(op);
  }
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "Bulwark API"}, {"version", "0.1.0"}}},
          {"components",
           {{"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "__Host-session"}}}}}}},
          {"paths", std::move(paths)}};
}

http::Response openapi(app::RequestContext&) {
  static const std::string kDocument = [] {
    const auto router = build_router();
    return boost::json::serialize(openapi_document(router));
  }();
  http::Response res;
  res.headers.set("Content-Type", "application/json");
  res.body = kDocument;
  return res;
}

}  // namespace bulwark::api
