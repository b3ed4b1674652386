#include "domain/work_orders/checklist_values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace bulwark::domain::work_orders {

namespace {

bool blank(const std::string& s) {
  return std::ranges::all_of(s, [](unsigned char ch) { return std::isspace(ch) != 0; });
}

// Whether an item of `kind` takes `member` (besides done, which all take).
bool takes(std::string_view kind, std::string_view member) {
  if (member == "number") return kind == "number";
  if (member == "result") return kind == "pass_fail";
  if (member == "text") return kind == "text" || kind == "signature";
  if (member == "attachment_id") return kind == "photo" || kind == "signature";
  return false;
}

}  // namespace

std::string number_text(double n) {
  if (n == std::trunc(n) && std::fabs(n) < 1e15)
    return std::to_string(static_cast<std::int64_t>(n));
  // The shortest text that reads back as the same double (12.5, not 12.500000).
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  return std::string(buf.data(), end);
}

Expected<ItemEntry, resource::Problems> entry_for(std::string_view kind, const ChecklistCheck& c) {
  resource::Problems problems;
  const std::string not_for = "does not apply to a " + std::string(kind) + " item";
  auto refuse_unless_taken = [&](std::string_view member, bool sent) {
    if (sent && !takes(kind, member)) problems.emplace(std::string(member), not_for);
  };
  refuse_unless_taken("number", c.number.has_value());
  refuse_unless_taken("result", c.result.has_value());
  refuse_unless_taken("text", c.text.has_value());
  refuse_unless_taken("attachment_id", c.attachment_id.has_value());
  const bool any_value = c.number || c.result || c.text || c.attachment_id;
  if (c.done == false) {
    if (any_value) problems.emplace("done", "send done: false alone to clear the item");
    if (!problems.empty()) return unexpected(std::move(problems));
    return ItemEntry{};
  }

  ItemEntry e{true, std::nullopt, std::nullopt};
  if (kind == "checkbox") {
    if (!c.done) problems.emplace("done", "is required for a checkbox item");
  } else if (kind == "number") {
    if (c.number)
      e.value = number_text(c.number->value);
    else
      problems.emplace("number", "is required for a number item");
  } else if (kind == "pass_fail") {
    if (c.result)
      e.value = c.result->value;
    else
      problems.emplace("result", "is required for a pass/fail item (pass or fail)");
  } else if (kind == "text" || kind == "signature") {
    const char* what = kind == "text" ? "is required for a text item"
                                      : "is required: the name of the person who signed";
    if (!c.text || blank(c.text->value))
      problems.emplace("text", what);
    else
      e.value = c.text->value;
  }
  if (kind == "photo" || kind == "signature") {
    if (c.attachment_id)
      e.attachment_id = c.attachment_id->id;
    else
      problems.emplace("attachment_id", kind == "photo"
                                            ? "is required: a photo attached to this work order"
                                            : "is required: the signature's PNG attached to "
                                              "this work order");
  }
  if (!problems.empty()) return unexpected(std::move(problems));
  return e;
}

}  // namespace bulwark::domain::work_orders
