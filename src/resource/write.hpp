#pragma once
// Writes a described view struct as JSON, streaming through http::JsonWriter
// (lists write 50 work orders per page: a boost::json tree of them cost more
// than the query). Member names are the JSON keys; std::optional is null,
// Omittable is left out when empty, Time is RFC 3339, vectors are arrays and
// described members are objects.
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/timestamps.hpp"
#include "http/json_writer.hpp"
#include "resource/fields.hpp"

namespace bulwark::resource {

// Declared first: the optional and vector writers below call it for
// members of described types from other namespaces.
template <class T>
requires boost::describe::has_describe_members<T>::value void write_value(http::JsonWriter& w,
                                                                          const T& v);

inline void write_value(http::JsonWriter& w, const std::string& v) { w.string(v); }
inline void write_value(http::JsonWriter& w, std::string_view v) { w.string(v); }
inline void write_value(http::JsonWriter& w, bool v) { w.boolean(v); }
inline void write_value(http::JsonWriter& w, std::int64_t v) { w.integer(v); }
inline void write_value(http::JsonWriter& w, int v) { w.integer(v); }
inline void write_value(http::JsonWriter& w, double v) { w.number(v); }
inline void write_value(http::JsonWriter& w, const Time& v) {
  w.plain_string(domain::rfc3339_text(v.ms).view());
}
template <class T>
void write_value(http::JsonWriter& w, const std::optional<T>& v) {
  if (v)
    write_value(w, *v);
  else
    w.null();
}
template <class T>
void write_value(http::JsonWriter& w, const std::vector<T>& v) {
  w.begin_array();
  for (const auto& item : v) write_value(w, item);
  w.end_array();
}
template <class T>
void write_value(http::JsonWriter& w, const std::map<std::string, T>& v) {  // counts by name
  w.begin_object();
  for (const auto& [key, item] : v) {
    w.key(key);
    write_value(w, item);
  }
  w.end_object();
}
template <class T>
requires boost::describe::has_describe_members<T>::value void write_value(
    http::JsonWriter& w, const T& v) {  // a described struct: an object
  w.begin_object();
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto m) {
        const auto& member = v.*m.pointer;
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (IsOmittable<M>::value) {
          if (!member) return;
          w.key(m.name);
          write_value(w, *member);
        } else {
          w.key(m.name);
          write_value(w, member);
        }
      });
  w.end_object();
}

template <class T>
std::string to_json(const T& v) {
  std::string out;
  http::JsonWriter w(out);
  write_value(w, v);
  return out;
}

}  // namespace bulwark::resource
