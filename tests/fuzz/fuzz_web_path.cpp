// Request paths decide which file is read: whatever the input, an accepted
// path is relative, has no "." or ".." component and no NUL or slash inside
// a component.
// fuzz-sources: src/http/web_files.cpp src/http/message.cpp src/core/error.cpp
// fuzz-libs: -lboost_url -lboost_json
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/web_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view path(reinterpret_cast<const char*>(data), size);
  auto r = bulwark::http::resolve_web_path(path);
  if (!r) return 0;
  if (r->is_absolute()) std::abort();
  for (const auto& part : *r) {
    const auto s = part.string();
    if (s == ".." || s == "." || s.find('\0') != std::string::npos ||
        s.find('\\') != std::string::npos)
      std::abort();
  }
  return 0;
}
