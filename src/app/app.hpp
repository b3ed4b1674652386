#pragma once
// The request pipeline (app/pipeline.hpp) over the route table. The HTTP
// server hands every parsed request here and writes back what comes out.
#include <string_view>

#include "app/context.hpp"
#include "core/error.hpp"
#include "http/router.hpp"
#include "security/rate_limiter.hpp"

namespace bulwark::app {

class App {
 public:
  App(Services services, http::Router router);

  // Whether the request's handler may block (database, files) and so must
  // run on the handler pool rather than a network thread.
  http::Execution execution_for(const http::Request& request) const;

  // Runs the whole pipeline. Never throws: an exception from a handler is a
  // 500 with only the request id, its description goes to the log.
  http::Response handle(http::Request& request, std::string_view peer_ip, bool tls) noexcept;

  // For requests the server refuses before they are complete (431, 413,
  // 408, 400 on a malformed request line): same headers, same log line.
  http::Response reject(http::Request& request, std::string_view peer_ip, bool tls,
                        const ApiError& error) noexcept;

  const http::Router& router() const { return router_; }
  Services& services() { return services_; }

 private:
  security::RateLimit limit_for(http::RateClass rate) const;
  void finish(http::Request& request, http::Response& response, const http::Route* route,
              const Principal* principal) noexcept;

  Services services_;
  http::Router router_;
  security::RateLimiter rate_limiter_;
};

// Adds the security headers every response carries (CSP, nosniff, ...;
// HSTS when the client reached us over TLS).
void apply_security_headers(http::Response& response, bool secure);

std::string new_request_id();

}  // namespace bulwark::app
