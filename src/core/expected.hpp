#pragma once
// bulwark::Expected is std::expected. The one exception is the fuzz build:
// clang 14 cannot compile libstdc++ 12's <expected> (it needs newer concepts
// support), so there a minimal stand-in with the same subset of the API is
// used. Only the container differs; the parsers being fuzzed are the same code.
#include <utility>
#include <version>

#if defined(__cpp_lib_expected)
#include <expected>
namespace bulwark {
template <typename T, typename E>
using Expected = std::expected<T, E>;
template <typename E>
auto unexpected(E&& e) {
  return std::unexpected<std::decay_t<E>>(std::forward<E>(e));
}
}  // namespace bulwark
#else
#include <optional>
#include <stdexcept>
#include <variant>
namespace bulwark {
template <typename E>
struct Unexpected {
  E error;
};
template <typename E>
Unexpected<std::decay_t<E>> unexpected(E&& e) {
  return {std::forward<E>(e)};
}
template <typename T, typename E>
class Expected {
 public:
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  template <typename G>
  Expected(Unexpected<G> u) : v_(std::in_place_index<1>, E(std::move(u.error))) {}  // NOLINT
  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const E& error() const { return std::get<1>(v_); }
  E& error() { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};
// Success carries nothing: a check that passes or says why not.
template <typename E>
class Expected<void, E> {
 public:
  Expected() = default;
  template <typename G>
  Expected(Unexpected<G> u) : error_(E(std::move(u.error))) {}  // NOLINT
  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const E& error() const { return *error_; }
  E& error() { return *error_; }

 private:
  std::optional<E> error_;
};
}  // namespace bulwark
#endif
