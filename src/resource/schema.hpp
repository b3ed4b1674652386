#pragma once
// What a described resource looks like, for the OpenAPI document and for the
// generated web/src/api/types.gen.ts: both come from the same descriptions as
// the reader and the writer, so they cannot drift apart.
#include <boost/describe/members.hpp>
#include <boost/json/object.hpp>
#include <boost/mp11/algorithm.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::resource {

// Which way a resource travels. A request may leave out its optional members
// (absent reads as null); a view always writes them (as null), and leaves out
// only an Omittable that is empty.
enum class Side : unsigned char { request, view };

// What a typed route answers on success: one resource, a keyset page of them
// ({"items": [...], "next_cursor": ...}) or a whole list ({"items": [...]}).
enum class ViewShape : unsigned char { one, page, items };

// A resource's two descriptions, reachable from a route row.
struct TypeDoc {
  std::string_view name;
  boost::json::object (*json_schema)(Side);            // OpenAPI 3.1 (JSON Schema 2020-12)
  std::string (*typescript)(Side);                     // "export interface Name {\n  ...\n}\n"
  void (*dependencies)(std::vector<const TypeDoc*>&);  // nested resources
};

template <class T>
const TypeDoc* type_doc();

// A member's TypeScript type: a union of alternatives ('open' | 'closed',
// string | null), or an array of one (Array<'a' | 'b'>, optionally | null).
// Kept in parts so that a member too long for a line is broken the way the
// web app's Prettier breaks it (resource/schema.cpp).
struct TsType {
  std::vector<std::string> alternatives;
  bool array = false;     // Array<alternatives>: two or more alternatives
  bool nullable = false;  // an array that may be null: Array<...> | null
};
std::string flat(const TsType& t);
TsType ts_array(TsType element);
TsType ts_nullable(TsType t);
// "  name: type;\n" (or "  name?: type;\n"), within 100 columns as Prettier would.
std::string ts_member(std::string_view name, bool may_be_absent, const TsType& type);
// "export interface Name {\n...}\n", or an alias when there are no members.
std::string ts_interface(std::string_view name, const std::string& members);

template <class T>
struct Schema;  // static boost::json::object json(); static TsType ts();

inline boost::json::object string_schema() { return {{"type", "string"}}; }
inline TsType ts_atom(std::string name) { return {{std::move(name)}}; }

// A field type's TypeScript through its Schema: a TsType, or a plain string
// (one word, e.g. "number") from a Schema that gives only that.
template <class T>
TsType ts_of() {
  if constexpr (std::is_same_v<decltype(Schema<T>::ts()), TsType>)
    return Schema<T>::ts();
  else
    return ts_atom(std::string(Schema<T>::ts()));
}

template <>
struct Schema<std::string> {
  static boost::json::object json() { return string_schema(); }
  static TsType ts() { return ts_atom("string"); }
};
template <>
struct Schema<bool> {
  static boost::json::object json() { return {{"type", "boolean"}}; }
  static TsType ts() { return ts_atom("boolean"); }
};
template <>
struct Schema<std::int64_t> {
  static boost::json::object json() { return {{"type", "integer"}}; }
  static TsType ts() { return ts_atom("number"); }
};
template <>
struct Schema<int> : Schema<std::int64_t> {};
template <>
struct Schema<double> {
  static boost::json::object json() { return {{"type", "number"}}; }
  static TsType ts() { return ts_atom("number"); }
};
template <>
struct Schema<Time> {
  static boost::json::object json() { return {{"type", "string"}, {"format", "date-time"}}; }
  static TsType ts() { return ts_atom("string"); }
};
template <>
struct Schema<Date> {
  static boost::json::object json() { return {{"type", "string"}, {"format", "date"}}; }
  static TsType ts() { return ts_atom("string"); }
};
template <>
struct Schema<Version> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", 1}, {"description", "the version you read"}};
  }
  static TsType ts() { return ts_atom("number"); }
};
template <>
struct Schema<Phone> {
  static boost::json::object json() {
    return {{"type", "string"}, {"maxLength", 40}, {"description", "stored as E.164"}};
  }
  static TsType ts() { return ts_atom("string"); }
};
template <>
struct Schema<Email> {
  static boost::json::object json() {
    return {{"type", "string"}, {"format", "email"}, {"maxLength", 254}};
  }
  static TsType ts() { return ts_atom("string"); }
};
template <std::size_t Max, std::size_t Min, Blank B>
struct Schema<Text<Max, Min, B>> {
  static boost::json::object json() {
    return {{"type", "string"}, {"minLength", Min}, {"maxLength", Max}};
  }
  static TsType ts() { return ts_atom("string"); }
};
template <const auto& Options>
struct Schema<OneOf<Options>> {
  static boost::json::object json() {
    boost::json::array e;
    for (auto o : Options) e.emplace_back(o);
    return {{"type", "string"}, {"enum", std::move(e)}};
  }
  static TsType ts() {
    TsType t;
    for (auto o : Options) t.alternatives.push_back("'" + std::string(o) + "'");
    return t;
  }
};
template <std::int64_t Min, std::int64_t Max>
struct Schema<Int<Min, Max>> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", Min}, {"maximum", Max}};
  }
  static TsType ts() { return ts_atom("number"); }
};
template <double Min, double Max, bool AboveMin>
struct Schema<Number<Min, Max, AboveMin>> {
  static boost::json::object json() {
    boost::json::object o{{"type", "number"}, {"maximum", Max}};
    o[AboveMin ? "exclusiveMinimum" : "minimum"] = Min;
    return o;
  }
  static TsType ts() { return ts_atom("number"); }
};
template <class Tag>
struct Schema<Ref<Tag>> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", 1}, {"x-ref", Tag::noun}};
  }
  static TsType ts() { return ts_atom("number"); }
};
template <class T>
struct Schema<std::optional<T>> {
  static boost::json::object json() {
    return {{"oneOf", boost::json::array{Schema<T>::json(), {{"type", "null"}}}}};
  }
  static TsType ts() { return ts_nullable(ts_of<T>()); }
};
template <class T>
struct Schema<Patch<T>> : Schema<std::optional<T>> {};
template <class T>
struct Schema<Omittable<T>> : Schema<T> {};
template <class T>
struct Schema<std::vector<T>> {
  static boost::json::object json() { return {{"type", "array"}, {"items", Schema<T>::json()}}; }
  static TsType ts() { return ts_array(ts_of<T>()); }
};

template <class T>
struct Schema<std::map<std::string, T>> {  // an object by name (counts by status)
  static boost::json::object json() {
    return {{"type", "object"}, {"additionalProperties", Schema<T>::json()}};
  }
  static TsType ts() { return ts_atom("Record<string, " + flat(ts_of<T>()) + ">"); }
};

template <class T>
requires boost::describe::has_describe_members<T>::value struct Schema<T> {
  static boost::json::object json() {
    return {
        {"$ref", "#/components/schemas/" + std::string(resource_name(static_cast<T*>(nullptr)))}};
  }
  static TsType ts() { return ts_atom(std::string(resource_name(static_cast<T*>(nullptr)))); }
};

template <class T>
using Members = boost::describe::describe_members<T, boost::describe::mod_public>;

// Whether a member may be missing from the JSON: in a request, an optional
// one or an Omittable; in a view (which writes std::optional as null) only
// an Omittable.
template <class M>
constexpr bool may_be_absent(Side side) {
  return IsOmittable<M>::value || IsPatch<M>::value ||
         (side == Side::request && IsOptional<M>::value);
}

template <class T>
boost::json::object object_schema(Side side) {
  boost::json::object properties;
  boost::json::array required;
  boost::mp11::mp_for_each<Members<T>>([&](auto m) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
    properties[m.name] = Schema<M>::json();
    if (!may_be_absent<M>(side)) required.emplace_back(m.name);
  });
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

template <class T>
std::string object_typescript(Side side) {
  std::string members;
  boost::mp11::mp_for_each<Members<T>>([&](auto m) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
    members += ts_member(m.name, may_be_absent<M>(side), ts_of<M>());
  });
  return ts_interface(resource_name(static_cast<T*>(nullptr)), members);
}

template <class T>
struct NestedDocs {
  static void add(std::vector<const TypeDoc*>&) {}
};
template <class T>
requires boost::describe::has_describe_members<T>::value struct NestedDocs<T> {
  static void add(std::vector<const TypeDoc*>& out) { out.push_back(type_doc<T>()); }
};
template <class T>
struct NestedDocs<std::vector<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<std::optional<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<Omittable<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<Patch<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<std::map<std::string, T>> : NestedDocs<T> {};

template <class T>
void object_dependencies(std::vector<const TypeDoc*>& out) {
  boost::mp11::mp_for_each<Members<T>>([&](auto m) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
    NestedDocs<M>::add(out);
  });
}

template <class T>
const TypeDoc* type_doc() {
  static const TypeDoc kDoc{resource_name(static_cast<T*>(nullptr)), &object_schema<T>,
                            &object_typescript<T>, &object_dependencies<T>};
  return &kDoc;
}

}  // namespace bulwark::resource
