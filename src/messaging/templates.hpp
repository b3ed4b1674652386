#pragma once
// SMS texts per organization. Each kind has a default; an admin may replace
// it (PUT /api/v1/sms-templates/{kind}). Placeholders in braces are filled
// from the cause of the message: {org} {customer} {number} {date} {time}
// {amount} {link}. Unknown placeholders are refused when a template is saved.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::messaging {

struct TemplateKind {
  std::string_view kind;
  std::string_view description;
  std::string_view default_body;
};
std::span<const TemplateKind> template_kinds();
const TemplateKind* find_template_kind(std::string_view kind);

// The problem with a template body, if any (length, unknown placeholder).
std::optional<std::string> template_problem(std::string_view body);

// The organization's text for `kind`, or the default.
std::string template_for(store::Connection& conn, std::int64_t org_id, std::string_view kind);

std::string render(std::string_view body, const std::map<std::string, std::string>& vars);

inline constexpr std::size_t kMaxTemplateLength = 480;  // three SMS segments

}  // namespace bulwark::messaging
