// The router's path matcher sees every request path first.
// fuzz-sources: src/http/router.cpp src/http/message.cpp src/security/permissions.cpp
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/context.hpp"
#include "http/reserved_paths.hpp"
#include "http/router.hpp"

using namespace bulwark::http;

static Response ok(bulwark::app::RequestContext&) { return {}; }

static Router make_router() {
  Router r;
  auto add = [&](Method m, const char* p) {
    r.add({.method = m,
           .pattern = p,
           .auth = Auth::public_access,
           .permission = no_permission(),
           .rate = RateClass::standard,
           .effect = m == Method::get ? Effect::read_only : Effect::changes_state,
           .csrf = m == Method::get ? Csrf::not_applicable : Csrf::same_origin_only,
           .execution = Execution::pool,
           .handler = ok,
           .summary = ""});
  };
  add(Method::get, "/health");
  add(Method::get, "/api/v1/work-orders/{id:int}");
  add(Method::patch, "/api/v1/work-orders/{id:int}");
  add(Method::get, "/api/v1/orgs/{slug:slug}/x/{t:token}");
  add(Method::get, "/{path*}");
  return r;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Router router = make_router();
  if (size == 0) return 0;
  const auto method = static_cast<Method>(data[0] % 7);
  std::string_view path(reinterpret_cast<const char*>(data + 1), size - 1);
  auto m = router.match(method, path);
  if (m.kind == MatchResult::Kind::found) {
    if (!m.route) std::abort();
    if (m.route->pattern == "/api/v1/work-orders/{id:int}" && m.params.integer("id") < 0)
      std::abort();
    // The web app's fallback never takes a reserved path (/api/, /webhooks/...).
    if (m.route->pattern == "/{path*}" && is_reserved_path(path)) std::abort();
  }

  if (m.kind == MatchResult::Kind::method_not_allowed && m.allowed.empty()) std::abort();
  return 0;
}
