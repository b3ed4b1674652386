#include "http/body_limit.hpp"

#include <algorithm>

#include "config/config.hpp"

namespace bulwark::http {

std::size_t body_limit_for(const Route* route, const config::Config& config) {
  if (route && route->body_limit == BodyLimit::upload)
    return config.max_upload_bytes + kMultipartOverhead;
  return config.max_body_bytes;
}

std::size_t largest_body_limit(const config::Config& config) {
  return std::max(config.max_body_bytes, config.max_upload_bytes + kMultipartOverhead);
}

}  // namespace bulwark::http
