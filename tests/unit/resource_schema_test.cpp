// The OpenAPI schema and the TypeScript of a described resource
// (resource/schema.hpp), and the two documents built from the route table:
// the OpenAPI document's typed operations and the web app's types.gen.ts.
#include <gtest/gtest.h>

#include <array>
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "api/openapi.hpp"
#include "api/routes.hpp"
#include "cli/gen_types.hpp"
#include "resource/schema.hpp"

namespace sample {

using namespace bulwark::resource;

inline constexpr std::array<std::string_view, 3> kColors = {"red", "green", "blue"};
inline constexpr std::array<std::string_view, 9> kStates = {
    "queued", "sending",    "sent",       "delivered", "undelivered",
    "failed", "suppressed", "superseded", "received"};
struct PartTag {
  static constexpr std::string_view noun = "part";  // NOLINT: the name Ref<Tag> reads
};

struct Tag {
  Text<20> label;
};
BULWARK_RESOURCE(Tag, label)

struct Widget {
  Name<80> name;
  std::optional<Text<500, 0>> notes;
  Patch<Phone> phone;
  OneOf<kColors> color;
  std::optional<OneOf<kColors>> trim;
  Omittable<std::string> secret;
  Tag tag;
  std::vector<Tag> tags;
  std::vector<OneOf<kColors>> palette;
  std::vector<std::int64_t> counts;
  Ref<PartTag> part;
  Time seen_at;
  Version version;
  OneOf<kStates> state;
  std::vector<OneOf<kStates>> history;
};
BULWARK_RESOURCE(Widget, name, notes, phone, color, trim, secret, tag, tags, palette, counts, part,
                 seen_at, version, state, history)

// A field type whose Schema gives its TypeScript as a plain string.
struct Hours {
  double value = 0;
};

struct Totals {
  Hours hours;
  std::optional<Hours> estimate;
  std::map<std::string, std::int64_t> by_status;
  std::map<std::string, Tag> tag_by_name;
};
BULWARK_RESOURCE(Totals, hours, estimate, by_status, tag_by_name)

}  // namespace sample

template <>
struct bulwark::resource::Schema<sample::Hours> {
  static boost::json::object json() { return {{"type", "number"}, {"minimum", 0}}; }
  static std::string ts() { return "number"; }
};

namespace bulwark {
namespace {

using resource::Side;

boost::json::array names(std::initializer_list<std::string_view> list) {
  boost::json::array out;
  for (auto n : list) out.emplace_back(n);
  return out;
}

TEST(ResourceSchema, RequestSchemaRequiresAllButOptionalMembersAndRefusesOthers) {
  const auto s = resource::type_doc<sample::Widget>()->json_schema(Side::request);
  EXPECT_EQ(s.at("type"), "object");
  EXPECT_EQ(s.at("additionalProperties"), false);
  EXPECT_EQ(s.at("required"), names({"name", "color", "tag", "tags", "palette", "counts", "part",
                                     "seen_at", "version", "state", "history"}));
  const auto& p = s.at("properties").as_object();
  EXPECT_EQ(p.at("name"), boost::json::parse(R"({"type":"string","minLength":1,"maxLength":80})"));
  EXPECT_EQ(p.at("color"),
            boost::json::parse(R"({"type":"string","enum":["red","green","blue"]})"));
  EXPECT_EQ(p.at("trim"), boost::json::parse(
                              R"({"oneOf":[{"type":"string","enum":["red","green","blue"]},
                                           {"type":"null"}]})"));
  EXPECT_EQ(p.at("tag"), boost::json::parse(R"({"$ref":"#/components/schemas/Tag"})"));
  EXPECT_EQ(p.at("tags"),
            boost::json::parse(R"({"type":"array","items":{"$ref":"#/components/schemas/Tag"}})"));
  EXPECT_EQ(p.at("seen_at"), boost::json::parse(R"({"type":"string","format":"date-time"})"));
  EXPECT_EQ(p.at("part").at("x-ref"), "part");
}

TEST(ResourceSchema, ViewSchemaRequiresNullableMembersButNotOmittable) {
  const auto s = resource::type_doc<sample::Widget>()->json_schema(Side::view);
  EXPECT_EQ(s.at("required"), names({"name", "notes", "color", "trim", "tag", "tags", "palette",
                                     "counts", "part", "seen_at", "version", "state", "history"}));
}

TEST(ResourceSchema, TypescriptFollowsTheSideAndPrettiersLayout) {
  const auto* doc = resource::type_doc<sample::Widget>();
  EXPECT_EQ(doc->typescript(Side::request),
            "export interface Widget {\n"
            "  name: string;\n"
            "  notes?: string | null;\n"
            "  phone?: string | null;\n"
            "  color: 'red' | 'green' | 'blue';\n"
            "  trim?: 'red' | 'green' | 'blue' | null;\n"
            "  secret?: string;\n"
            "  tag: Tag;\n"
            "  tags: Tag[];\n"
            "  palette: Array<'red' | 'green' | 'blue'>;\n"
            "  counts: number[];\n"
            "  part: number;\n"
            "  seen_at: string;\n"
            "  version: number;\n"
            "  state:\n"
            "    | 'queued'\n"
            "    | 'sending'\n"
            "    | 'sent'\n"
            "    | 'delivered'\n"
            "    | 'undelivered'\n"
            "    | 'failed'\n"
            "    | 'suppressed'\n"
            "    | 'superseded'\n"
            "    | 'received';\n"
            "  history: Array<\n"
            "    | 'queued'\n"
            "    | 'sending'\n"
            "    | 'sent'\n"
            "    | 'delivered'\n"
            "    | 'undelivered'\n"
            "    | 'failed'\n"
            "    | 'suppressed'\n"
            "    | 'superseded'\n"
            "    | 'received'\n"
            "  >;\n"
            "}\n");
  const auto view = doc->typescript(Side::view);
  EXPECT_NE(view.find("  notes: string | null;\n"), std::string::npos);
  EXPECT_NE(view.find("  trim: 'red' | 'green' | 'blue' | null;\n"), std::string::npos);
  EXPECT_NE(view.find("  secret?: string;\n"), std::string::npos);
}

TEST(ResourceSchema, LongMembersBreakAsPrettierDoes) {
  using resource::TsType;
  const TsType colors{{"'open'", "'scheduled'", "'in_progress'", "'on_hold'", "'completed'",
                       "'closed'", "'cancelled'"}};
  // Too long beside the name, short enough on a line of its own.
  EXPECT_EQ(resource::ts_member("status", false, resource::ts_nullable(colors)),
            "  status:\n    'open' | 'scheduled' | 'in_progress' | 'on_hold' | 'completed' | "
            "'closed' | 'cancelled' | null;\n");
  EXPECT_EQ(
      resource::ts_member("statuses", true, resource::ts_nullable(resource::ts_array(colors))),
      "  statuses?: Array<\n    'open' | 'scheduled' | 'in_progress' | 'on_hold' | "
      "'completed' | 'closed' | 'cancelled'\n  > | null;\n");
  const std::string long_name(90, 'x');
  EXPECT_EQ(
      resource::ts_member(long_name, false, resource::ts_nullable(resource::ts_atom("string"))),
      "  " + long_name + ":\n    string | null;\n");
  EXPECT_EQ(resource::ts_member(long_name, false, resource::ts_atom("string")),
            "  " + long_name + ": string;\n");  // one word: Prettier leaves it long
  EXPECT_EQ(resource::ts_interface("Empty", ""), "export type Empty = Record<string, never>;\n");
}

TEST(ResourceSchema, MapsAndSchemasGivingPlainStrings) {
  const auto* doc = resource::type_doc<sample::Totals>();
  EXPECT_EQ(doc->typescript(Side::view),
            "export interface Totals {\n"
            "  hours: number;\n"
            "  estimate: number | null;\n"
            "  by_status: Record<string, number>;\n"
            "  tag_by_name: Record<string, Tag>;\n"
            "}\n");
  const auto s = doc->json_schema(Side::view);
  EXPECT_EQ(s.at("properties").at("by_status"),
            boost::json::parse(R"({"type":"object","additionalProperties":{"type":"integer"}})"));
  std::vector<const resource::TypeDoc*> nested;
  doc->dependencies(nested);
  ASSERT_EQ(nested.size(), 1U);
  EXPECT_EQ(nested[0], resource::type_doc<sample::Tag>());
}

TEST(ResourceSchema, DependenciesNameNestedResources) {
  std::vector<const resource::TypeDoc*> nested;
  resource::type_doc<sample::Widget>()->dependencies(nested);
  ASSERT_EQ(nested.size(), 2U);  // tag and tags
  EXPECT_EQ(nested[0], resource::type_doc<sample::Tag>());
  EXPECT_EQ(nested[1], resource::type_doc<sample::Tag>());
}

// Every typed route's resources, once each and sorted, with no two types of
// one name (a second area's `SmsConsent` would otherwise replace the first).
TEST(OpenApi, RouteTableResourcesAreUniqueAndSorted) {
  const auto router = api::build_router();
  const auto docs = api::resource_docs(router);
  ASSERT_FALSE(docs.empty());
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_TRUE(seen.insert(docs[i].doc->name).second) << docs[i].doc->name;
    if (i > 0) {
      EXPECT_LT(docs[i - 1].doc->name, docs[i].doc->name);
    }
  }
}

void collect_refs(const boost::json::value& v, std::set<std::string>& out) {
  if (const auto* o = v.if_object()) {
    for (const auto& kv : *o) {
      if (kv.key() == "$ref" && kv.value().is_string()) out.emplace(kv.value().as_string());
      collect_refs(kv.value(), out);
    }
  } else if (const auto* a = v.if_array()) {
    for (const auto& item : *a) collect_refs(item, out);
  }
}

TEST(OpenApi, TypedOperationsReferToComponentsThatExist) {
  const auto doc = api::openapi_document(api::build_router());
  const auto& schemas = doc.at("components").at("schemas").as_object();
  const auto& create = doc.at("paths").at("/api/v1/customers").at("post").as_object();
  EXPECT_EQ(create.at("requestBody").at("content").at("application/json").at("schema"),
            boost::json::parse(R"({"$ref":"#/components/schemas/NewCustomer"})"));
  EXPECT_TRUE(create.at("responses").as_object().contains("201"));
  const auto& list = doc.at("paths").at("/api/v1/customers").at("get").as_object();
  const auto& page =
      list.at("responses").at("200").at("content").at("application/json").at("schema");
  EXPECT_EQ(page.at("required"), names({"items", "next_cursor"}));
  std::set<std::string> refs;
  collect_refs(doc, refs);
  ASSERT_FALSE(refs.empty());
  for (const auto& ref : refs) {
    const std::string prefix = "#/components/schemas/";
    ASSERT_TRUE(ref.starts_with(prefix)) << ref;
    EXPECT_TRUE(schemas.contains(ref.substr(prefix.size()))) << ref;
  }
}

TEST(GenTypes, WritesAHeaderThenEveryResourceSortedByName) {
  const auto text = cli::generated_types(api::build_router());
  EXPECT_TRUE(text.starts_with("// Generated by `bulwark gen-types`"));
  const auto customer = text.find("\nexport interface CustomerView {\n");
  const auto new_customer = text.find("\nexport interface NewCustomer {\n");
  ASSERT_NE(customer, std::string::npos);
  ASSERT_NE(new_customer, std::string::npos);
  EXPECT_LT(customer, new_customer);
  EXPECT_NE(text.find("  created_at: string;\n"), std::string::npos);  // Time: RFC 3339
  EXPECT_TRUE(text.ends_with("}\n"));
}

}  // namespace
}  // namespace bulwark
