#pragma once
// The built web app's files (BULWARK_WEB_DIR): correct content types,
// hashed assets cached as immutable, index.html never cached, unknown app
// paths answered with index.html (the single-page app routes them), and no
// way out of the directory.
#include <filesystem>
#include <string_view>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "http/message.hpp"

namespace bulwark::http {

class WebFiles {
 public:
  // `root` may not exist (web app not built): then every request is a JSON 404.
  explicit WebFiles(const std::filesystem::path& root);
  // GET/HEAD of a non-API path. Throws ApiError (400 for traversal attempts, 404).
  Response serve(const Request& request) const;

 private:
  std::filesystem::path root_;  // canonical, or empty when missing
};

// Decodes a request path (percent-encoding, via Boost.URL) into a relative
// path, refusing "..", ".", encoded '/' or '\\' inside a segment, NUL, and
// malformed escapes. Pure, so it is unit-tested and fuzzed.
Expected<std::filesystem::path, ErrorCode> resolve_web_path(std::string_view encoded_path);
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace bulwark::http
