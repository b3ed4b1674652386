#include "webhooks/form_body.hpp"

#include "core/utf8.hpp"

namespace bulwark::webhooks {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded: '+' is a space, %XX a byte.
std::optional<std::string> decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (in.size() - i < 3) return std::nullopt;
      const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

// Written by hand rather than with boost::urls::parse_query: under the fuzzer
// (tests/fuzz/fuzz_webhook_signatures.cpp) Boost 1.81's parse_query read past
// the end of a buffer that was not NUL-terminated (strlen inside the library).
std::optional<FormParams> parse_form(std::string_view body) {
  FormParams out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto key = decode(pair.substr(0, eq));
    auto value = decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!key || !value || !is_valid_utf8(*key) || !is_valid_utf8(*value)) return std::nullopt;
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

std::optional<std::string_view> form_value(const FormParams& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

}  // namespace bulwark::webhooks
