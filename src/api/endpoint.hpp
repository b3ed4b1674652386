#pragma once
// Handlers as signatures (axum's Path/Json extractors): a handler declares
// what it takes and returns a result,
//   Result<CustomerView> update_customer(Ctx&, PathId, Body<CustomerChange>);
// and endpoint<update_customer>() adapts it to the route table. Each
// parameter is extracted from the request by its type (Ctx passes through,
// PathId / PathInt<"part"> from the route's {name:int}, which Router::add
// checks at startup, Body<T> from the JSON body through T's description).
// Expected outcomes (not found, conflict, forbidden, invalid fields) are
// values; exceptions remain for the unexpected and are caught at the one
// handler boundary in app/.
#include <algorithm>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "app/context.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "core/try.hpp"
#include "http/json_body.hpp"
#include "http/route.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "resource/schema.hpp"
#include "resource/write.hpp"
#include "store/org_tx.hpp"

namespace bulwark::api {

using Ctx = app::RequestContext;
template <class T>
using Result = Expected<T, ApiError>;

// Success other than 200.
template <class T>
struct Created {  // 201 with the new resource
  T value;
};
struct NoContent {};  // 204
template <class T>
struct Accepted {  // 202: queued or asked for, done later
  T value;
};

using resource::Items;
using resource::Page;

template <std::size_t N>
struct FixedString {
  char text[N]{};
  constexpr FixedString(const char (&s)[N]) { std::copy_n(s, N, text); }  // NOLINT
  constexpr std::string_view view() const { return {text, N - 1}; }
};

// An integer path parameter, {name:int} in the route's pattern.
template <FixedString Name>
struct PathInt {
  std::int64_t value = 0;
  static constexpr std::string_view kName = Name.view();
  operator std::int64_t() const { return value; }  // NOLINT: reads as the id it is
};
using PathId = PathInt<"id">;

// The JSON body read through T's description, with the names of the fields
// the client sent (an audit entry lists them, never their values).
template <class T>
struct Body : resource::Read<T> {};

// A body whose field problems are reported only after the handler's own
// first check (existence: another organization's object is a 404 whatever
// the body says). The value is reachable only through checked(), so the
// problems cannot be forgotten.
template <class T>
class LateBody {
 public:
  LateBody(resource::Read<T> read, resource::Problems problems)
      : read_(std::move(read)), problems_(std::move(problems)) {}
  Expected<const resource::Read<T>*, ApiError> checked() const {
    if (auto ok = resource::no_problems(problems_); !ok) return unexpected(ok.error());
    return &read_;
  }
  // For a service that adds problems only the store can see (a reference to
  // another organization's row) and reports them all at once, after its own
  // existence check: the value read and the problems found so far.
  const resource::Read<T>& unchecked() const { return read_; }
  const resource::Problems& problems() const { return problems_; }

 private:
  resource::Read<T> read_;
  resource::Problems problems_;
};

// Shorthands for the expected failures.
inline ApiError not_found(const std::string& what) {
  return ApiError(ErrorCode::not_found, "no such " + what);
}
inline ApiError forbidden(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::forbidden, message, std::move(reason));
}
inline ApiError conflict(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::conflict, message, std::move(reason));
}

// The caller's organization-scoped transaction, and a read without one.
template <class F>
auto in_org(Ctx& ctx, F&& work) {
  return store::in_org(ctx.services.db, ctx.who().org_id, std::forward<F>(work));
}
template <class F>
auto read_org(Ctx& ctx, F&& work) {
  return store::read_org(ctx.services.db, ctx.who().org_id, std::forward<F>(work));
}

// A service's outcome as a 201 / 204 reply.
template <class T>
Result<Created<T>> created(Expected<T, ApiError> r) {
  if (!r) return unexpected(std::move(r.error()));
  return Created<T>{std::move(*r)};
}
template <class T>
Result<Accepted<T>> accepted(Expected<T, ApiError> r) {
  if (!r) return unexpected(std::move(r.error()));
  return Accepted<T>{std::move(*r)};
}
inline Result<NoContent> no_content(Expected<void, ApiError> r) {
  if (!r) return unexpected(std::move(r.error()));
  return NoContent{};
}

namespace detail {

template <class A>
struct Extract;
template <>
struct Extract<Ctx&> {
  static Expected<std::reference_wrapper<Ctx>, ApiError> from(Ctx& ctx) { return std::ref(ctx); }
  static void declare(http::Endpoint&) {}
};
template <FixedString Name>
struct Extract<PathInt<Name>> {
  static Expected<PathInt<Name>, ApiError> from(Ctx& ctx) {
    return PathInt<Name>{ctx.params.integer(std::string(Name.view()))};
  }
  static void declare(http::Endpoint& e) { e.path_params.emplace_back(Name.view()); }
};
template <class T>
struct Extract<Body<T>> {
  static Expected<Body<T>, ApiError> from(Ctx& ctx) {
    auto read = resource::read<T>(http::parse_json_object_body(ctx.request));
    if (!read) return unexpected(std::move(read.error()));
    return Body<T>{std::move(*read)};
  }
  static void declare(http::Endpoint& e) { e.body = resource::type_doc<T>(); }
};

template <class T>
struct Extract<LateBody<T>> {
  static Expected<LateBody<T>, ApiError> from(Ctx& ctx) {
    resource::Problems problems;
    auto read = resource::read_object<T>(http::parse_json_object_body(ctx.request), problems);
    return LateBody<T>(std::move(read), std::move(problems));
  }
  static void declare(http::Endpoint& e) { e.body = resource::type_doc<T>(); }
};

template <class T>
struct Reply {  // T: a described view -> 200
  static constexpr int kStatus = 200;
  static const resource::TypeDoc* doc() { return resource::type_doc<T>(); }
  static http::Response send(const T& v) {
    return app::raw_json_response(200, resource::to_json(v));
  }
};
template <class T>
struct Reply<Created<T>> {
  static constexpr int kStatus = 201;
  static const resource::TypeDoc* doc() { return Reply<T>::doc(); }
  static http::Response send(const Created<T>& v) {
    auto r = Reply<T>::send(v.value);
    r.status = 201;
    return r;
  }
};
template <class T>
struct Reply<Accepted<T>> {
  static constexpr int kStatus = 202;
  static const resource::TypeDoc* doc() { return Reply<T>::doc(); }
  static http::Response send(const Accepted<T>& v) {
    auto r = Reply<T>::send(v.value);
    r.status = 202;
    return r;
  }
};
template <>
struct Reply<NoContent> {
  static constexpr int kStatus = 204;
  static const resource::TypeDoc* doc() { return nullptr; }
  static http::Response send(const NoContent&) {
    http::Response r;
    r.status = 204;
    return r;
  }
};
template <>
struct Reply<http::Response> {  // a handler that writes its own (cookies, TwiML, files)
  static constexpr int kStatus = 200;
  static const resource::TypeDoc* doc() { return nullptr; }
  static http::Response send(http::Response r) { return r; }
};
template <class T>
struct Reply<Page<T>> {
  static constexpr int kStatus = 200;
  static const resource::TypeDoc* doc() { return resource::type_doc<T>(); }
  static http::Response send(const Page<T>& page) {
    std::string out;
    out.reserve(64 + 700 * page.items.size());  // a work order is about 600 bytes
    http::JsonWriter w(out);
    w.begin_object();
    w.key("items");
    resource::write_value(w, page.items);
    w.key("next_cursor");
    resource::write_value(w, page.next_cursor);
    w.end_object();
    return app::raw_json_response(200, std::move(out));
  }
};
template <class T>
struct Reply<Items<T>> {
  static constexpr int kStatus = 200;
  static const resource::TypeDoc* doc() { return resource::type_doc<T>(); }
  static http::Response send(const Items<T>& list) {
    std::string out;
    http::JsonWriter w(out);
    w.begin_object();
    w.key("items");
    resource::write_value(w, list.items);
    w.end_object();
    return app::raw_json_response(200, std::move(out));
  }
};

// Whether a reply is one view or a list of them (for the OpenAPI document).
template <class T>
constexpr resource::ViewShape kShapeOf = resource::ViewShape::one;
template <class T>
constexpr resource::ViewShape kShapeOf<Created<T>> = kShapeOf<T>;
template <class T>
constexpr resource::ViewShape kShapeOf<Page<T>> = resource::ViewShape::page;
template <class T>
constexpr resource::ViewShape kShapeOf<Items<T>> = resource::ViewShape::items;

template <class F>
struct Signature;
template <class R, class... A>
struct Signature<Result<R> (*)(A...)> {
  using Out = R;
  using Args = std::tuple<A...>;
};

template <class A>
using Stored = std::conditional_t<std::is_same_v<A, Ctx&>, std::reference_wrapper<Ctx>,
                                  std::remove_cvref_t<A>>;

template <class A>
using Extractor =
    Extract<std::conditional_t<std::is_same_v<A, Ctx&>, Ctx&, std::remove_cvref_t<A>>>;

template <auto Fn, class... A>
http::Response call(Ctx& ctx, std::tuple<A...>*) {
  std::optional<ApiError> failure;
  auto take = [&]<class Arg>(std::type_identity<Arg>) -> std::optional<Stored<Arg>> {
    if (failure) return std::nullopt;
    auto v = Extractor<Arg>::from(ctx);
    if (!v) {
      failure = std::move(v.error());
      return std::nullopt;
    }
    return std::move(*v);
  };
  // Arguments are extracted in order (braced initialization sequences
  // them); the first failure answers.
  std::tuple<std::optional<Stored<A>>...> args{take(std::type_identity<A>{})...};
  if (failure) return error_response(*failure, ctx.request.request_id);
  auto result = std::apply([](auto&... a) { return Fn(static_cast<A>(*a)...); }, args);
  if (!result) return error_response(result.error(), ctx.request.request_id);
  using Out = typename Signature<decltype(Fn)>::Out;
  return Reply<Out>::send(std::move(*result));
}

template <class... A>
void declare(http::Endpoint& e, std::tuple<A...>*) {
  (Extractor<A>::declare(e), ...);
}

}  // namespace detail

// The route table's view of a typed handler.
template <auto Fn>
http::Endpoint endpoint() {
  using Sig = detail::Signature<decltype(Fn)>;
  http::Endpoint e;
  e.view_shape = detail::kShapeOf<typename Sig::Out>;  // one view, or a list of them
  e.call = [](Ctx& ctx) {
    return detail::call<Fn>(ctx, static_cast<typename Sig::Args*>(nullptr));
  };
  detail::declare(e, static_cast<typename Sig::Args*>(nullptr));
  e.view = detail::Reply<typename Sig::Out>::doc();
  e.status = detail::Reply<typename Sig::Out>::kStatus;
  return e;
}

}  // namespace bulwark::api
