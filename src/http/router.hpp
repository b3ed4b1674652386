#pragma once
// Matches method + path against the route table. Patterns are literal
// segments and typed parameters: {name:int} (1-18 digits), {name:slug}
// ([a-z0-9-], 1-64), {name:token} (URL-safe token characters, 1-128), and a
// final {name*} that takes the rest of the path (the web app's files).
// HEAD is served by the GET route of the same path.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "http/route.hpp"

namespace bulwark::http {

class PathParams {
 public:
  void set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
  const std::string& text(const std::string& name) const;  // throws std::out_of_range
  std::int64_t integer(const std::string& name) const;
  bool empty() const { return values_.empty(); }

 private:
  std::map<std::string, std::string> values_;
};

struct MatchResult {
  enum class Kind { found, not_found, method_not_allowed } kind = Kind::not_found;
  const Route* route = nullptr;
  PathParams params;
  std::vector<Method> allowed;  // for 405's Allow header
};

// A declaration error found at startup; the server refuses to start.
struct RouteDeclarationError : std::logic_error {
  using std::logic_error::logic_error;
};

class Router {
 public:
  // Throws RouteDeclarationError when a declaration is missing or unsafe.
  void add(Route route);
  MatchResult match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    enum class Kind { literal, integer, slug, token, rest } kind;
    std::string text;  // literal text or parameter name
  };
  struct Compiled {
    std::vector<Segment> segments;
  };
  static Compiled compile(const std::string& pattern);
  static bool match_segments(const Compiled& c, std::string_view path, PathParams& out);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

std::string allow_header(const std::vector<Method>& methods);

}  // namespace bulwark::http
