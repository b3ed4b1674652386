// Request bodies: our UTF-8 check, then Boost.JSON with a depth limit. Any
// input must end in a value or an ApiError, never a crash or another throw.
// fuzz-sources: src/http/json_body.cpp src/core/utf8.cpp src/core/error.cpp src/http/message.cpp
// fuzz-libs: -lboost_json
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "http/json_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = bulwark::is_valid_utf8(text);
  try {
    bulwark::http::parse_json_text(text);
    if (!valid) std::abort();  // accepted text must be UTF-8
  } catch (const bulwark::ApiError& e) {
    if (e.code == bulwark::ErrorCode::invalid_utf8 && valid) std::abort();
  }
  return 0;
}
