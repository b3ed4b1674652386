// The Cookie header comes from anyone.
// fuzz-sources: src/http/cookies.cpp
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/cookies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  for (auto name : {"__Host-session", "csrf_token", "x"}) {
    auto v = bulwark::http::find_cookie(header, name);
    if (v) {
      // The value is a view into the header, never outside it.
      if (v->data() < header.data() || v->data() + v->size() > header.data() + header.size())
        std::abort();
      if (v->find(';') != std::string_view::npos) std::abort();
    }
  }
  return 0;
}
