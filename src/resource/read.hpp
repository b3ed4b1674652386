#pragma once
// Reads a request object into a described struct (MUST-003, MUST-NOT-005):
// every field the struct does not name is refused, each member reads itself
// by its type's rule, and every problem is reported at once, by field name.
// A member's type says whether the field is required (T), optional
// (std::optional<T>: absent or null) or a change that
// may clear it (Patch<T>: absent, null or a value). Cross-field rules live in
// an ADL `validate(const T&, Problems&)` beside the struct.
#include <boost/describe/members.hpp>
#include <boost/json/object.hpp>
#include <boost/mp11/algorithm.hpp>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "resource/fields.hpp"

namespace bulwark::resource {

using Problems = std::map<std::string, std::string>;

// Field readers: false (with `problem` set) when the JSON value breaks the rule.
bool read_value(const boost::json::value& v, std::string& out, std::string& problem);
bool read_value(const boost::json::value& v, bool& out, std::string& problem);
bool read_value(const boost::json::value& v, std::int64_t& out, std::string& problem);
bool read_value(const boost::json::value& v, Time& out, std::string& problem);
bool read_value(const boost::json::value& v, Date& out, std::string& problem);
bool read_value(const boost::json::value& v, Version& out, std::string& problem);
bool read_value(const boost::json::value& v, Phone& out, std::string& problem);
bool read_value(const boost::json::value& v, Email& out, std::string& problem);

namespace detail {
bool read_text(const boost::json::value& v, std::string& out, std::size_t min, std::size_t max,
               bool refuse_blank, std::string& problem);
bool read_choice(const boost::json::value& v, std::string& out, const std::string_view* options,
                 std::size_t count, std::string& problem);
bool read_integer(const boost::json::value& v, std::int64_t& out, std::int64_t min,
                  std::int64_t max, std::string& problem);
bool read_number(const boost::json::value& v, double& out, double min, double max, bool above_min,
                 std::string& problem);
}  // namespace detail

template <std::size_t Max, std::size_t Min, Blank B>
bool read_value(const boost::json::value& v, Text<Max, Min, B>& out, std::string& problem) {
  return detail::read_text(v, out.value, Min, Max, B == Blank::refused, problem);
}
template <const auto& Options>
bool read_value(const boost::json::value& v, OneOf<Options>& out, std::string& problem) {
  return detail::read_choice(v, out.value, Options.data(), Options.size(), problem);
}
template <std::int64_t Min, std::int64_t Max>
bool read_value(const boost::json::value& v, Int<Min, Max>& out, std::string& problem) {
  return detail::read_integer(v, out.value, Min, Max, problem);
}
template <double Min, double Max, bool AboveMin>
bool read_value(const boost::json::value& v, Number<Min, Max, AboveMin>& out,
                std::string& problem) {
  return detail::read_number(v, out.value, Min, Max, AboveMin, problem);
}
template <class Tag>
bool read_value(const boost::json::value& v, Ref<Tag>& out, std::string& problem) {
  return detail::read_integer(v, out.id, 1, INT64_MAX, problem);
}

// A JSON array of at most kMaxListItems values of one field type (IP
// allowlists, email domains, scopes). Each item reads by its own rule; the
// first bad one is reported with its position (counted from 1).
inline constexpr std::size_t kMaxListItems = 100;
template <class T>
bool read_value(const boost::json::value& v, std::vector<T>& out, std::string& problem) {
  const auto* array = v.if_array();
  if (!array) {
    problem = "must be an array";
    return false;
  }
  if (array->size() > kMaxListItems) {
    problem = "must have at most " + std::to_string(kMaxListItems) + " items";
    return false;
  }
  out.clear();
  out.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    T item{};
    std::string item_problem;
    if (!read_value((*array)[i], item, item_problem)) {
      problem = "item " + std::to_string(i + 1) + " " + item_problem;
      return false;
    }
    out.push_back(std::move(item));
  }
  return true;
}

// What a missing required member is told.
template <class T>
std::string missing_message() {
  if constexpr (std::is_same_v<T, Version>)
    return "is required (the version you read), so edits do not collide";
  else
    return "is required";
}

template <class T>
void read_member(const boost::json::object& body, const char* name, T& out, Problems& problems,
                 std::vector<std::string>& present) {
  const auto* v = body.if_contains(name);
  if (v && !std::is_same_v<T, Version>) present.emplace_back(name);
  std::string problem;
  if constexpr (IsPatch<T>::value) {
    if (!v) return;
    if (v->is_null()) {
      out.clear();
      return;
    }
    typename std::remove_cvref_t<decltype(out.value())> value{};
    if (read_value(*v, value, problem))
      out.set(std::move(value));
    else
      problems.emplace(name, problem);
  } else if constexpr (IsOptional<T>::value) {
    if (!v || v->is_null()) return;
    typename T::value_type value{};
    if (read_value(*v, value, problem))
      out = std::move(value);
    else
      problems.emplace(name, problem);
  } else {
    if (!v || v->is_null()) {
      problems.emplace(name, missing_message<T>());
      return;
    }
    if (!read_value(*v, out, problem)) problems.emplace(name, problem);
  }
}

template <class T>
concept HasValidate = requires(const T& t, Problems& p) {
  validate(t, p);
};

// The members of T present in the body (for the audit entry's field names),
// and the value read.
template <class T>
struct Read {
  T value;
  std::vector<std::string> present;
};

template <class T>
Read<T> read_object(const boost::json::object& body, Problems& problems) {
  Read<T> out{};
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  for (const auto& kv : body) {
    bool known = false;
    boost::mp11::mp_for_each<Members>([&](auto m) { known = known || kv.key() == m.name; });
    if (!known) problems.emplace(std::string(kv.key()), "unknown field");
  }
  boost::mp11::mp_for_each<Members>(
      [&](auto m) { read_member(body, m.name, out.value.*m.pointer, problems, out.present); });
  if constexpr (HasValidate<T>) validate(out.value, problems);
  return out;
}

// 400 validation_failed naming every problem, when there is one.
inline Expected<void, ApiError> no_problems(const Problems& problems) {
  if (problems.empty()) return {};
  return unexpected(ApiError(ErrorCode::validation_failed, "some fields are invalid",
                             "invalid_fields", problems));
}

template <class T>
Expected<Read<T>, ApiError> read(const boost::json::object& body) {
  Problems problems;
  auto out = read_object<T>(body, problems);
  if (auto ok = no_problems(problems); !ok) return unexpected(std::move(ok.error()));
  return out;
}

}  // namespace bulwark::resource
