#pragma once
// application/x-www-form-urlencoded bodies (what Twilio posts), decoded by
// hand (see form_body.cpp for why not Boost.URL) and fuzzed. Order and
// repeated names are kept: the Twilio signature covers every pair.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::webhooks {

using FormParams = std::vector<std::pair<std::string, std::string>>;

// nullopt when the body is not valid form encoding or not valid UTF-8.
std::optional<FormParams> parse_form(std::string_view body);

// The first value of `name`, if present.
std::optional<std::string_view> form_value(const FormParams& params, std::string_view name);

}  // namespace bulwark::webhooks
