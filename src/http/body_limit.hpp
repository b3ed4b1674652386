#pragma once
// The body limit is a property of the route: the server reads the header,
// matches the route, and only then decides how many body bytes it will read.
// No Beast here, so the rule is testable on its own.
#include <cstddef>
#include <optional>

#include "http/route.hpp"

namespace bulwark::config {
struct Config;
}

namespace bulwark::http {

// Room for the multipart framing around an upload's file (boundaries, part
// headers, a caption): the file itself is held to max_upload_bytes by the
// handler, with the same 413.
inline constexpr std::size_t kMultipartOverhead = 64 * 1024;

// The limit for a matched route; unmatched requests (404, 405) get the
// standard limit (their body is read and dropped).
std::size_t body_limit_for(const Route* route, const config::Config& config);
// The largest limit of any route: the parser's limit while the header is read
// (Beast checks Content-Length against it already then).
std::size_t largest_body_limit(const config::Config& config);

}  // namespace bulwark::http
