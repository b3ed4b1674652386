#include "http/router.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "http/reserved_paths.hpp"

namespace bulwark::http {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-'; }
bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_';
}

bool valid_param(std::string_view kind, std::string_view value) {
  if (kind == "int")
    return !value.empty() && value.size() <= 18 && std::ranges::all_of(value, is_digit);
  if (kind == "slug")
    return !value.empty() && value.size() <= 64 && std::ranges::all_of(value, is_slug_char);
  return !value.empty() && value.size() <= 128 && std::ranges::all_of(value, is_token_char);
}

// Next '/'-separated segment of `path` starting at `pos` (which points just
// past a '/'); advances pos past the segment.
std::string_view next_segment(std::string_view path, std::size_t& pos) {
  auto end = path.find('/', pos);
  if (end == std::string_view::npos) end = path.size();
  auto seg = path.substr(pos, end - pos);
  pos = end;
  return seg;
}

// What is wrong with a row's declarations, if anything. Each rule is here so
// that a row cannot claim a protection that its other columns contradict.
std::optional<std::string> declaration_problem(const Route& r) {
  if (r.method == Method::other) return "method not declared";
  if (r.method == Method::head) return "declare GET; HEAD is derived from it";
  if (r.auth == Auth::unset) return "authentication not declared";
  if (!r.permission.declared) return "permission not declared";
  if (r.rate == RateClass::unset) return "rate class not declared";
  if (r.effect == Effect::unset) return "effect not declared";
  if (r.csrf == Csrf::unset) return "CSRF rule not declared";
  if (r.execution == Execution::unset) return "execution not declared";
  if (!r.handler) return "no handler";
  const bool mutating = is_mutating(r.method);
  const bool signed_webhook = r.auth == Auth::twilio_signature || r.auth == Auth::stripe_signature;
  const bool session = r.auth == Auth::session_or_token;
  // MUST-NOT-006: a GET (and so its HEAD) never changes state. One exception,
  // and only on a public route: the OpenID Connect callback (issue 15 item 4)
  // creates a session on the GET the provider sends the browser back with
  // (RFC 6749 §4.1.2); its single-use, server-side state is what makes it
  // unforgeable, and nothing else a GET could do is allowed.
  const bool sso_callback = r.effect == Effect::creates_session && r.auth == Auth::public_access;
  if (!mutating && r.effect != Effect::read_only && r.effect != Effect::read_audited &&
      !sso_callback)
    return "GET routes must not change state (MUST-NOT-006)";
  if (mutating && r.effect != Effect::changes_state && r.effect != Effect::creates_session)
    return "a state-changing method must declare changes_state or creates_session; "
           "a read is a GET";
  if (r.effect == Effect::creates_session && signed_webhook)
    return "a webhook cannot create a session";
  if (!mutating && r.csrf != Csrf::not_applicable)
    return "a GET changes nothing; its CSRF rule is not_applicable";
  if (mutating && r.csrf == Csrf::not_applicable) return "a state-changing route needs a CSRF rule";
  if (r.csrf == Csrf::exempt_signed && !signed_webhook)
    return "only a signature-authenticated webhook may be exempt from CSRF";
  if (mutating && signed_webhook && r.csrf != Csrf::exempt_signed)
    return "a webhook's signature is its CSRF protection: declare exempt_signed";
  if (mutating && session && r.csrf != Csrf::session_token)
    return "a session route that changes state needs the session's CSRF token";
  if (r.csrf == Csrf::session_token && !session)
    return "session_token needs a session route; public routes use same_origin_only";
  if (r.csrf == Csrf::same_origin_only && r.auth != Auth::public_access)
    return "same_origin_only is for public routes (login); sessions use session_token";
  if (r.auth != Auth::public_access && r.execution == Execution::network_thread)
    return "authenticated routes read the database; not on the network thread";
  if (r.auth == Auth::public_access && r.permission.value != security::Permission::none)
    return "a public route cannot require a permission";
  if (!session && !r.scope.empty()) return "only session routes can grant an OAuth scope";
  if (!session && r.step_up) return "only session routes can require a second factor";
  return std::nullopt;
}

}  // namespace

std::string_view auth_name(Auth a) {
  switch (a) {
    case Auth::unset: return "unset";
    case Auth::public_access: return "public";
    case Auth::session_or_token: return "session_or_token";
    case Auth::twilio_signature: return "twilio_signature";
    case Auth::stripe_signature: return "stripe_signature";
  }
  return "unset";
}

std::string_view rate_class_name(RateClass r) {
  switch (r) {
    case RateClass::unset: return "unset";
    case RateClass::unlimited: return "unlimited";
    case RateClass::standard: return "standard";
    case RateClass::auth: return "auth";
    case RateClass::webhook: return "webhook";
    case RateClass::customer_link: return "customer_link";
  }
  return "unset";
}

std::string_view effect_name(Effect e) {
  switch (e) {
    case Effect::unset: return "unset";
    case Effect::read_only: return "read_only";
    case Effect::changes_state: return "changes_state";
    case Effect::read_audited: return "read_audited";
    case Effect::creates_session: return "creates_session";
  }
  return "unset";
}

std::string_view csrf_name(Csrf c) {
  switch (c) {
    case Csrf::unset: return "unset";
    case Csrf::not_applicable: return "not_applicable";
    case Csrf::session_token: return "session_token";
    case Csrf::same_origin_only: return "same_origin_only";
    case Csrf::exempt_signed: return "exempt_signed";
  }
  return "unset";
}

std::string_view execution_name(Execution e) {
  switch (e) {
    case Execution::unset: return "unset";
    case Execution::pool: return "pool";
    case Execution::network_thread: return "network_thread";
    case Execution::password_pool: return "password_pool";
  }
  return "unset";
}

const std::string& PathParams::text(const std::string& name) const { return values_.at(name); }

std::int64_t PathParams::integer(const std::string& name) const {
  const auto& v = values_.at(name);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size()) throw std::out_of_range(name);
  return out;
}

Router::Compiled Router::compile(const std::string& pattern) {
  if (pattern.empty() || pattern[0] != '/')
    throw RouteDeclarationError("route pattern must start with '/': " + pattern);
  Compiled c;
  std::size_t pos = 1;
  while (pos <= pattern.size()) {
    auto seg = next_segment(pattern, pos);
    ++pos;
    if (seg.starts_with('{')) {
      if (!seg.ends_with('}')) throw RouteDeclarationError("bad parameter in " + pattern);
      auto inner = seg.substr(1, seg.size() - 2);
      if (inner.ends_with('*')) {
        if (pos <= pattern.size())
          throw RouteDeclarationError("{name*} must be the last segment: " + pattern);
        c.segments.push_back({Segment::Kind::rest, std::string(inner.substr(0, inner.size() - 1))});
        continue;
      }
      auto colon = inner.find(':');
      if (colon == std::string_view::npos)
        throw RouteDeclarationError("parameter needs a type ({id:int}): " + pattern);
      auto name = std::string(inner.substr(0, colon));
      auto type = inner.substr(colon + 1);
      Segment::Kind kind;
      if (type == "int")
        kind = Segment::Kind::integer;
      else if (type == "slug")
        kind = Segment::Kind::slug;
      else if (type == "token")
        kind = Segment::Kind::token;
      else
        throw RouteDeclarationError("unknown parameter type in " + pattern);
      c.segments.push_back({kind, name});
    } else {
      if (seg.find_first_of("{}") != std::string_view::npos)
        throw RouteDeclarationError("stray brace in " + pattern);
      c.segments.push_back({Segment::Kind::literal, std::string(seg)});
    }
  }
  return c;
}

void Router::add(Route route) {
  if (auto why = declaration_problem(route))
    throw RouteDeclarationError(std::string(method_name(route.method)) + " " + route.pattern +
                                ": " + *why);
  for (const auto& r : routes_)
    if (r.method == route.method && r.pattern == route.pattern)
      throw RouteDeclarationError(std::string(method_name(route.method)) + " " + route.pattern +
                                  ": declared twice");
  auto compiled = compile(route.pattern);
  // A typed handler's path parameters must be integer parameters of the
  // pattern: a typo or a changed pattern stops the server at startup.
  for (const auto& name : route.handler.path_params) {
    bool found = false;
    for (const auto& seg : compiled.segments)
      found = found || (seg.kind == Segment::Kind::integer && seg.text == name);
    if (!found)
      throw RouteDeclarationError(std::string(method_name(route.method)) + " " + route.pattern +
                                  ": the handler reads {" + name +
                                  ":int}, which the pattern does not have");
  }
  compiled_.push_back(std::move(compiled));
  routes_.push_back(std::move(route));
}

bool Router::match_segments(const Compiled& c, std::string_view path, PathParams& out) {
  if (path.empty() || path[0] != '/') return false;
  std::size_t pos = 1;
  for (const auto& s : c.segments) {
    if (s.kind == Segment::Kind::rest) {
      out.set(s.text, std::string(path.substr(std::min(pos, path.size()))));
      return true;
    }
    if (pos > path.size()) return false;
    auto seg = next_segment(path, pos);
    ++pos;
    switch (s.kind) {
      case Segment::Kind::literal:
        if (seg != s.text) return false;
        break;
      case Segment::Kind::integer:
        if (!valid_param("int", seg)) return false;
        out.set(s.text, std::string(seg));
        break;
      case Segment::Kind::slug:
        if (!valid_param("slug", seg)) return false;
        out.set(s.text, std::string(seg));
        break;
      case Segment::Kind::token:
        if (!valid_param("token", seg)) return false;
        out.set(s.text, std::string(seg));
        break;
      case Segment::Kind::rest: break;
    }
  }
  return pos > path.size();
}

MatchResult Router::match(Method method, std::string_view path) const {
  MatchResult result;
  const Method wanted = method == Method::head ? Method::get : method;
  // Routes ending in {name*} are fallbacks: they are tried only when no other
  // route knows the path, so a typo in an API method gives 405, not the web app.
  // They never take a reserved path (/api/, /webhooks/...): an unknown API
  // path is a 404 for every method, not a 405 from the web app's GET.
  const bool reserved = is_reserved_path(path);
  for (bool fallback : {false, true}) {
    if (fallback && reserved) break;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
      const bool is_fallback = !compiled_[i].segments.empty() &&
                               compiled_[i].segments.back().kind == Segment::Kind::rest;
      if (is_fallback != fallback) continue;
      PathParams params;
      if (!match_segments(compiled_[i], path, params)) continue;
      const Route& r = routes_[i];
      if (r.method == wanted && result.kind != MatchResult::Kind::found) {
        result.kind = MatchResult::Kind::found;
        result.route = &r;
        result.params = std::move(params);
      }
      if (std::ranges::find(result.allowed, r.method) == result.allowed.end())
        result.allowed.push_back(r.method);
      if (r.method == Method::get &&
          std::ranges::find(result.allowed, Method::head) == result.allowed.end())
        result.allowed.push_back(Method::head);
    }
    if (!result.allowed.empty()) break;
  }
  if (result.kind != MatchResult::Kind::found && !result.allowed.empty())
    result.kind = MatchResult::Kind::method_not_allowed;
  return result;
}

std::string allow_header(const std::vector<Method>& methods) {
  std::string out;
  for (auto m : methods) {
    if (!out.empty()) out += ", ";
    out += method_name(m);
  }
  return out;
}

}  // namespace bulwark::http
