#include "webhooks/form_body.hpp"

#include <boost/url/parse_query.hpp>

#include "core/utf8.hpp"

namespace bulwark::webhooks {

std::optional<FormParams> parse_form(std::string_view body) {
  FormParams out;
  if (body.empty()) return out;
  auto parsed = boost::urls::parse_query(body);
  if (!parsed) return std::nullopt;
  const boost::urls::encoding_opts plus_is_space(true);
  for (auto param : *parsed) {
    std::string key = param.key.decode(plus_is_space);
    std::string value = param.has_value ? param.value.decode(plus_is_space) : std::string();
    if (!is_valid_utf8(key) || !is_valid_utf8(value)) return std::nullopt;
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::optional<std::string_view> form_value(const FormParams& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

}  // namespace bulwark::webhooks
