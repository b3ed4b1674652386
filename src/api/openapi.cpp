#include "api/openapi.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <stdexcept>

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

boost::json::object ref_to(const resource::TypeDoc& doc) {
  return {{"$ref", "#/components/schemas/" + std::string(doc.name)}};
}

boost::json::object json_content(boost::json::object schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

// The success reply of a typed route: its view alone, or a list of them.
boost::json::object success_schema(const http::Endpoint& e) {
  auto item = ref_to(*e.view);
  if (e.view_shape == resource::ViewShape::one) return item;
  boost::json::object properties{{"items", {{"type", "array"}, {"items", std::move(item)}}}};
  boost::json::array required{"items"};
  if (e.view_shape == resource::ViewShape::page) {
    properties["next_cursor"] = {
        {"oneOf", boost::json::array{{{"type", "string"}}, {{"type", "null"}}}},
        {"description", "pass as ?cursor= for the next page; null on the last"}};
    required.emplace_back("next_cursor");
  }
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

std::string_view status_description(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No content";
    default: return "Success";
  }
}

// The responses of an operation: the declared success of a typed route, and
// the error envelope of every route.
boost::json::object responses(const http::Endpoint& e) {
  boost::json::object out;
  if (e.view || e.status != 200) {
    boost::json::object success{{"description", status_description(e.status)}};
    if (e.view) success["content"] = json_content(success_schema(e));
    out[std::to_string(e.status)] = std::move(success);
  }
  out["default"] = {{"description", "JSON; errors as {\"error\":{...}}"}};
  return out;
}

}  // namespace

std::vector<ResourceDoc> resource_docs(const http::Router& router) {
  std::map<std::string_view, ResourceDoc> found;
  std::vector<ResourceDoc> pending;
  for (const auto& r : router.routes()) {
    if (r.handler.body) pending.push_back({r.handler.body, resource::Side::request});
    if (r.handler.view) pending.push_back({r.handler.view, resource::Side::view});
  }
  while (!pending.empty()) {
    const auto next = pending.back();
    pending.pop_back();
    auto [at, added] = found.emplace(next.doc->name, next);
    if (!added) {
      if (at->second.doc != next.doc)
        throw std::logic_error("two resources are named " + std::string(next.doc->name) +
                               ": rename one (BULWARK_RESOURCE)");
      if (at->second.side == next.side || at->second.side == resource::Side::request) continue;
      at->second.side = resource::Side::request;  // sent and answered: the looser
    }
    std::vector<const resource::TypeDoc*> nested;
    next.doc->dependencies(nested);
    for (const auto* d : nested) pending.push_back({d, at->second.side});
  }
  std::vector<ResourceDoc> out;
  out.reserve(found.size());
  for (const auto& [name, doc] : found) out.push_back(doc);
  return out;
}

namespace {

// OAuth 2.0 client credentials (RFC 6749 section 4.4) with every scope a
// route declares.
boost::json::object oauth2_scheme(const http::Router& router) {
  boost::json::object scopes;
  for (const auto& r : router.routes())
    if (!r.scope.empty() && !scopes.contains(r.scope)) {
      const auto colon = r.scope.find(':');
      scopes[r.scope] = std::string(r.scope.substr(colon + 1)) + " access to " +
                        std::string(r.scope.substr(0, colon));
    }
  return {{"type", "oauth2"},
          {"description", "API clients: POST /oauth/token with grant_type=client_credentials"},
          {"flows",
           {{"clientCredentials", {{"tokenUrl", "/oauth/token"}, {"scopes", std::move(scopes)}}}}}};
}

}  // namespace

boost::json::object openapi_document(const http::Router& router) {
  boost::json::object paths;
  for (const auto& r : router.routes()) {
    if (r.pattern.ends_with("*}")) continue;  // the web app's files
    auto [path, params] = openapi_path(r.pattern);
    boost::json::object op{{"summary", r.summary},
                           {"x-permission", security::permission_name(r.permission.value)},
                           {"x-rate-class", http::rate_class_name(r.rate)},
                           {"responses", responses(r.handler)}};
    if (!params.empty()) op["parameters"] = params;
    if (r.handler.body)
      op["requestBody"] = {{"required", true}, {"content", json_content(ref_to(*r.handler.body))}};
    if (r.auth == http::Auth::session_or_token) {
      // A session, or (where the route declares a scope) an API client's
      // token holding that scope (issue 15 item 3).
      boost::json::array alternatives{boost::json::object{{"session", boost::json::array{}}}};
      if (!r.scope.empty())
        alternatives.push_back(
            boost::json::object{{"oauth2", boost::json::array{boost::json::string(r.scope)}}});
      op["security"] = std::move(alternatives);
    } else
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
  boost::json::object schemas;
  for (const auto& [doc, side] : resource_docs(router)) schemas[doc->name] = doc->json_schema(side);
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "Bulwark API"}, {"version", "0.1.0"}}},
          {"components",
           {{"schemas", std::move(schemas)},
            {"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "__Host-session"}}},
              {"oauth2", oauth2_scheme(router)}}}}},
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
