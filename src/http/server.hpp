#pragma once
// The HTTP(S) server: Boost.Beast on Asio, a few network threads, blocking
// handlers on a separate pool. This header keeps Beast out of its includers;
// only server.cpp compiles it.
#include <memory>
#include <string>

namespace bulwark::config {
struct Config;
}
namespace bulwark::app {
class App;
}

namespace bulwark::http {

class Server {
 public:
  Server(const config::Config& config, app::App& app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket (throws std::runtime_error with a clear
  // message on failure) and returns "host:port" as bound (port 0 -> chosen).
  std::string bind();
  // Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight
  // requests finish (up to the shutdown grace period) and returns.
  void run();

  class Impl;  // public only so server.cpp's connection classes can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace bulwark::http
