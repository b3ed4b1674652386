#include "core/csv.hpp"

#include <cstdlib>

namespace bulwark::csv {

namespace {

bool starts_like_formula(std::string_view v) {
  if (v.empty()) return false;
  switch (v.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

// Not named `quoted`: with <iomanip> in sight, a std::string argument would
// find std::quoted by argument-dependent lookup.
std::string rfc4180_quoted(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string text(std::string_view value) {
  if (starts_like_formula(value)) return rfc4180_quoted("'" + std::string(value));
  return rfc4180_quoted(value);
}

std::string amount(std::int64_t cents) {
  const bool negative = cents < 0;
  // Through unsigned so INT64_MIN has a magnitude too.
  const auto magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string fraction = std::to_string(magnitude % 100);
  if (fraction.size() < 2) fraction.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction;
}

std::string number(std::int64_t value) { return std::to_string(value); }

Writer::Writer() : out_("\xEF\xBB\xBF") {}

void Writer::row(std::initializer_list<std::string> cells) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out_ += ',';
    out_ += cell;
    first = false;
  }
  out_ += "\r\n";
}

}  // namespace bulwark::csv
