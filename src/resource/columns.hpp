#pragma once
// How the field types travel to and from the database: Time as integer
// milliseconds, Phone as E.164 text, Ref as the id (store/typed_rows.hpp
// finds these by ADL).
#include "resource/fields.hpp"
#include "store/sql.hpp"

namespace bulwark::resource {

inline void from_column(const store::Row& r, std::size_t i, Time& out) { out.ms = r.integer(i); }
inline store::Value to_value(const Time& t) { return t.ms; }
inline store::Value to_value(const Phone& p) { return p.e164; }
inline store::Value to_value(const Email& e) { return e.value; }
inline store::Value to_value(const Version& v) { return v.value; }
inline store::Value to_value(const Date& d) { return d.value; }
template <class Tag>
store::Value to_value(const Ref<Tag>& r) {
  return r.id;
}
template <std::size_t Max, std::size_t Min, Blank B>
store::Value to_value(const Text<Max, Min, B>& t) {
  return t.value;
}
template <const auto& Options>
store::Value to_value(const OneOf<Options>& o) {
  return o.value;
}
template <std::int64_t Min, std::int64_t Max>
store::Value to_value(const Int<Min, Max>& i) {
  return i.value;
}
template <double Min, double Max, bool A>
store::Value to_value(const Number<Min, Max, A>& n) {
  return n.value;
}
// A Patch binds its value, or NULL when absent or cleared; say which with
// `patch_state` ("absent" keeps the column, "cleared" empties it).
template <class T>
store::Value to_value(const Patch<T>& p) {
  if (!p.is_set()) return nullptr;
  return to_value(p.value());
}
template <class T>
std::int64_t cleared(const Patch<T>& p) {
  return p.cleared() ? 1 : 0;
}

}  // namespace bulwark::resource
