#pragma once
// The field types a request or a view may carry. Each knows its own rule
// (length, choices, range, format), how it reads itself from JSON
// (resource/read.hpp), how it is written (resource/write.hpp) and how it is
// described in OpenAPI and TypeScript (resource/schema.hpp). A resource is a
// struct of these, described once with BULWARK_RESOURCE.
#include <array>
#include <boost/describe/class.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Describes a struct's public members (Boost.Describe) and gives it the name
// the OpenAPI document and the generated TypeScript use.
#define BULWARK_RESOURCE(Type, ...)              \
  BOOST_DESCRIBE_STRUCT(Type, (), (__VA_ARGS__)) \
  [[maybe_unused]] constexpr std::string_view resource_name(const Type*) { return #Type; }

namespace bulwark::resource {

// Text of 1..Max characters (Min 0: may be empty), valid UTF-8 (the body
// parser checked it). `Blank::refused` also refuses text of only spaces.
enum class Blank { allowed, refused };
template <std::size_t Max, std::size_t Min = 1, Blank B = Blank::allowed>
struct Text {
  std::string value;
  static constexpr std::size_t max = Max, min = Min;
  static constexpr bool refuse_blank = B == Blank::refused;
};
template <std::size_t Max>
using Name = Text<Max, 1, Blank::refused>;

// One of a constexpr list of words: `OneOf<kPriorities>`.
template <const auto& Options>
struct OneOf {
  std::string value;
  static constexpr const auto& options = Options;
};

// An integer in [Min, Max].
template <std::int64_t Min, std::int64_t Max>
struct Int {
  std::int64_t value = 0;
  static constexpr std::int64_t min = Min, max = Max;
};
// A JSON number in [Min, Max] (or (Min, Max] with `above_min`).
template <double Min, double Max, bool AboveMin = false>
struct Number {
  double value = 0;
  static constexpr double min = Min, max = Max;
  static constexpr bool above_min = AboveMin;
};
// Money in integer cents, never a float.
using Cents = Int<0, 100'000'000>;

// An instant: RFC 3339 in and out everywhere ("2026-11-23T14:30:00Z",
// offsets accepted), integer milliseconds since the epoch (UTC) inside.
struct Time {
  std::int64_t ms = 0;
  friend bool operator==(const Time&, const Time&) = default;
};
// A calendar date, "2019-06-30".
struct Date {
  std::string value;
};

// The version the client read: required on every change, so edits do not
// collide (optimistic concurrency).
struct Version {
  std::int64_t value = 0;
};

// A phone number, stored and shown in E.164.
struct Phone {
  std::string e164;
};
// An email address, normalized (trimmed, lower-case domain).
struct Email {
  std::string value;
};

// The id of another object of the caller's organization. Tag names it:
// `struct CustomerRef { static constexpr std::string_view table = ...; }`;
// the service checks it exists in the organization (resource/refs.hpp).
template <class Tag>
struct Ref {
  std::int64_t id = 0;
  using tag = Tag;
};

// A change to one field: absent (leave it), null (clear it) or a value.
template <class T>
class Patch {
 public:
  enum class State : unsigned char { absent, cleared, set };
  Patch() = default;
  State state() const { return state_; }
  bool absent() const { return state_ == State::absent; }
  bool cleared() const { return state_ == State::cleared; }
  bool is_set() const { return state_ == State::set; }
  const T& value() const { return value_; }
  T& value() { return value_; }
  void clear() { state_ = State::cleared; }
  void set(T v) {
    value_ = std::move(v);
    state_ = State::set;
  }
  // The value when set; nullopt when absent or cleared.
  std::optional<T> if_set() const {
    if (state_ == State::set) return value_;
    return std::nullopt;
  }

 private:
  T value_{};
  State state_ = State::absent;
};

// In a view: written only when it holds a value (a field some callers may
// not see, e.g. a site's gate code), instead of as null.
template <class T>
struct Omittable : std::optional<T> {
  using std::optional<T>::optional;
  using std::optional<T>::operator=;
};

template <class T>
struct IsPatch : std::false_type {};
template <class T>
struct IsPatch<Patch<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsOmittable : std::false_type {};
template <class T>
struct IsOmittable<Omittable<T>> : std::true_type {};

}  // namespace bulwark::resource
