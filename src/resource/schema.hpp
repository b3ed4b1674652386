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
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::resource {

// A resource's two descriptions, reachable from a route row.
struct TypeDoc {
  std::string_view name;
  boost::json::object (*json_schema)();  // OpenAPI 3.1 (JSON Schema 2020-12)
  std::string (*typescript)();           // "export interface Name { ... }"
  void (*dependencies)(std::vector<const TypeDoc*>&);  // nested resources
};

template <class T>
const TypeDoc* type_doc();

template <class T>
struct Schema;  // static boost::json::object json(); static std::string ts(); deps

inline boost::json::object string_schema() { return {{"type", "string"}}; }

template <>
struct Schema<std::string> {
  static boost::json::object json() { return string_schema(); }
  static std::string ts() { return "string"; }
};
template <>
struct Schema<bool> {
  static boost::json::object json() { return {{"type", "boolean"}}; }
  static std::string ts() { return "boolean"; }
};
template <>
struct Schema<std::int64_t> {
  static boost::json::object json() { return {{"type", "integer"}}; }
  static std::string ts() { return "number"; }
};
template <>
struct Schema<int> : Schema<std::int64_t> {};
template <>
struct Schema<double> {
  static boost::json::object json() { return {{"type", "number"}}; }
  static std::string ts() { return "number"; }
};
template <>
struct Schema<Time> {
  static boost::json::object json() { return {{"type", "string"}, {"format", "date-time"}}; }
  static std::string ts() { return "string"; }
};
template <>
struct Schema<Date> {
  static boost::json::object json() { return {{"type", "string"}, {"format", "date"}}; }
  static std::string ts() { return "string"; }
};
template <>
struct Schema<Version> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", 1}, {"description", "the version you read"}};
  }
  static std::string ts() { return "number"; }
};
template <>
struct Schema<Phone> {
  static boost::json::object json() {
    return {{"type", "string"}, {"maxLength", 40}, {"description", "stored as E.164"}};
  }
  static std::string ts() { return "string"; }
};
template <>
struct Schema<Email> {
  static boost::json::object json() {
    return {{"type", "string"}, {"format", "email"}, {"maxLength", 254}};
  }
  static std::string ts() { return "string"; }
};
template <std::size_t Max, std::size_t Min, Blank B>
struct Schema<Text<Max, Min, B>> {
  static boost::json::object json() {
    return {{"type", "string"}, {"minLength", Min}, {"maxLength", Max}};
  }
  static std::string ts() { return "string"; }
};
template <const auto& Options>
struct Schema<OneOf<Options>> {
  static boost::json::object json() {
    boost::json::array e;
    for (auto o : Options) e.emplace_back(o);
    return {{"type", "string"}, {"enum", std::move(e)}};
  }
  static std::string ts() {
    std::string out;
    for (auto o : Options) out += (out.empty() ? "'" : " | '") + std::string(o) + "'";
    return out;
  }
};
template <std::int64_t Min, std::int64_t Max>
struct Schema<Int<Min, Max>> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", Min}, {"maximum", Max}};
  }
  static std::string ts() { return "number"; }
};
template <double Min, double Max, bool AboveMin>
struct Schema<Number<Min, Max, AboveMin>> {
  static boost::json::object json() {
    boost::json::object o{{"type", "number"}, {"maximum", Max}};
    o[AboveMin ? "exclusiveMinimum" : "minimum"] = Min;
    return o;
  }
  static std::string ts() { return "number"; }
};
template <class Tag>
struct Schema<Ref<Tag>> {
  static boost::json::object json() {
    return {{"type", "integer"}, {"minimum", 1}, {"x-ref", Tag::noun}};
  }
  static std::string ts() { return "number"; }
};
template <class T>
struct Schema<std::optional<T>> {
  static boost::json::object json() {
    return {{"oneOf", boost::json::array{Schema<T>::json(), {{"type", "null"}}}}};
  }
  static std::string ts() { return Schema<T>::ts() + " | null"; }
};
template <class T>
struct Schema<Patch<T>> : Schema<std::optional<T>> {};
template <class T>
struct Schema<Omittable<T>> : Schema<T> {};
template <class T>
struct Schema<std::vector<T>> {
  static boost::json::object json() { return {{"type", "array"}, {"items", Schema<T>::json()}}; }
  static std::string ts() {
    auto inner = Schema<T>::ts();
    return inner.find(' ') == std::string::npos ? inner + "[]" : "Array<" + inner + ">";
  }
};
template <class T>
struct Schema<std::map<std::string, T>> {  // an object of counts by name
  static boost::json::object json() {
    return {{"type", "object"}, {"additionalProperties", Schema<T>::json()}};
  }
  static std::string ts() { return "Record<string, " + Schema<T>::ts() + ">"; }
};

template <class T>
  requires boost::describe::has_describe_members<T>::value
struct Schema<T> {
  static boost::json::object json() {
    return {{"$ref", "#/components/schemas/" + std::string(resource_name(static_cast<T*>(nullptr)))}};
  }
  static std::string ts() { return std::string(resource_name(static_cast<T*>(nullptr))); }
};

template <class T>
using Members = boost::describe::describe_members<T, boost::describe::mod_public>;

// Whether a member may be left out of a request (requests) or may be
// missing from a view (Omittable).
template <class M>
constexpr bool kOptionalMember = IsPatch<M>::value || IsOptional<M>::value;

template <class T>
boost::json::object object_schema() {
  boost::json::object properties;
  boost::json::array required;
  boost::mp11::mp_for_each<Members<T>>([&](auto m) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
    properties[m.name] = Schema<M>::json();
    if (!kOptionalMember<M> && !IsOmittable<M>::value) required.emplace_back(m.name);
  });
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

template <class T>
std::string object_typescript() {
  std::string out = "export interface " + std::string(resource_name(static_cast<T*>(nullptr))) +
                    " {\n";
  boost::mp11::mp_for_each<Members<T>>([&](auto m) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
    const bool may_be_absent = IsPatch<M>::value || IsOmittable<M>::value;
    out += "  " + std::string(m.name) + (may_be_absent ? "?: " : ": ") + Schema<M>::ts() + ";\n";
  });
  return out + "}\n";
}

template <class T>
struct NestedDocs {
  static void add(std::vector<const TypeDoc*>&) {}
};
template <class T>
  requires boost::describe::has_describe_members<T>::value
struct NestedDocs<T> {
  static void add(std::vector<const TypeDoc*>& out) { out.push_back(type_doc<T>()); }
};
template <class T>
struct NestedDocs<std::vector<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<std::optional<T>> : NestedDocs<T> {};
template <class T>
struct NestedDocs<Omittable<T>> : NestedDocs<T> {};

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
