// A multipart/form-data body comes from anyone (uploads, MUST-007).
// clang-format off
// fuzz-sources: src/http/multipart.cpp
// clang-format on
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line is the Content-Type (its boundary), the rest the body.
  const auto nl = input.find('\n');
  const std::string_view type =
      nl == std::string_view::npos ? "multipart/form-data; boundary=B" : input.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? input : input.substr(nl + 1);
  const auto form = bulwark::http::parse_form_data(type, body);
  if (!form.error.empty() && !form.parts.empty()) std::abort();
  if (form.parts.size() > bulwark::http::kMaxFormParts) std::abort();
  for (const auto& part : form.parts) {
    // Every part is a view into the body, never outside it.
    if (part.body.data() < body.data() ||
        part.body.data() + part.body.size() > body.data() + body.size())
      std::abort();
    if (part.name.empty()) std::abort();
  }
  return 0;
}
