#pragma once
// The request pipeline (app/pipeline.hpp) over the route table. The HTTP
// server matches each parsed request once (match), runs it on the thread its
// route asks for (execution_for), hands it here (handle) and writes back what
// comes out.
#include <string_view>

#include "app/context.hpp"
#include "core/error.hpp"
#include "http/router.hpp"
#include "security/rate_limiter.hpp"

namespace bulwark::app {

class App {
 public:
  App(Services services, http::Router router);

  http::MatchResult match(const http::Request& request) const {
    return router_.match(request.method, request.path);
  }
  // Whether the matched handler may block (database, files) and so must run
  // on a pool rather than a network thread. Unmatched requests (404, 405)
  // are answered where they arrived.
  static http::Execution execution_for(const http::MatchResult& match) {
    return match.route ? match.route->execution : http::Execution::network_thread;
  }

  // Runs the whole pipeline for a request and its match. Never throws: an
  // exception is a 500 with only the request id; its description goes to the
  // log.
  http::Response handle(http::Request& request, const http::MatchResult& match,
                        std::string_view peer_ip, bool tls) noexcept;

  // For requests the server refuses before they are complete (431, 413,
  // 408, 400 on a malformed request line): same headers, same log line.
  http::Response reject(http::Request& request, std::string_view peer_ip, bool tls,
                        const ApiError& error) noexcept;

  const http::Router& router() const { return router_; }
  Services& services() { return services_; }

 private:
  Services services_;
  http::Router router_;
  security::RateLimiter rate_limiter_;
};

}  // namespace bulwark::app
