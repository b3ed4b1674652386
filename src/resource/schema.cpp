#include "resource/schema.hpp"

namespace bulwark::resource {

namespace {

// The web app's Prettier settings (web/.prettierrc.json): 100 columns, members
// indented by 2, a broken type by 4.
constexpr std::size_t kWidth = 100;
const std::string kIndent = "    ";

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " | ") + p;
  return out;
}

// A union too long for one line: one alternative a line, each led by "| ".
std::string one_per_line(const std::vector<std::string>& parts, const std::string& indent) {
  std::string out;
  for (const auto& p : parts) {
    out += "\n";
    out += indent;
    out += "| ";
    out += p;
  }
  return out;
}

}  // namespace

std::string flat(const TsType& t) {
  if (!t.array) return joined(t.alternatives);
  return "Array<" + joined(t.alternatives) + ">" + (t.nullable ? " | null" : "");
}

TsType ts_array(TsType element) {
  // One alternative (string, CustomerView, string[]): `string[]`, itself one.
  if (!element.array && element.alternatives.size() == 1) return {{element.alternatives[0] + "[]"}};
  if (!element.array) return {std::move(element.alternatives), true, false};
  return {{"Array<" + flat(element) + ">"}};  // an array of arrays of a union: rare
}

TsType ts_nullable(TsType t) {
  if (t.array) {
    t.nullable = true;
    return t;
  }
  t.alternatives.emplace_back("null");
  return t;
}

std::string ts_member(std::string_view name, bool may_be_absent, const TsType& type) {
  const std::string key = "  " + std::string(name) + (may_be_absent ? "?:" : ":");
  const std::string one_line = key + " " + flat(type) + ";";
  if (one_line.size() <= kWidth) return one_line + "\n";
  if (type.array) {
    // Prettier hugs the array's brackets: `key: Array<` ... `> | null;`.
    const std::string inner = joined(type.alternatives);
    const std::string body = kIndent.size() + inner.size() <= kWidth
                                 ? "\n" + kIndent + inner
                                 : one_per_line(type.alternatives, kIndent);
    return key + " Array<" + body + "\n  >" + (type.nullable ? " | null" : "") + ";\n";
  }
  if (type.alternatives.size() < 2) return one_line + "\n";  // a long name: left as it is
  // A union: on the next line when it fits there, else one alternative a line.
  const std::string inner = joined(type.alternatives);
  if (kIndent.size() + inner.size() + 1 <= kWidth) return key + "\n" + kIndent + inner + ";\n";
  return key + one_per_line(type.alternatives, kIndent) + ";\n";
}

std::string ts_interface(std::string_view name, const std::string& members) {
  // An empty interface is refused by typescript-eslint (no-empty-object-type).
  if (members.empty()) return "export type " + std::string(name) + " = Record<string, never>;\n";
  return "export interface " + std::string(name) + " {\n" + members + "}\n";
}

}  // namespace bulwark::resource
