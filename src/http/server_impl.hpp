#pragma once
// The server's shared state (server side only, with Beast and Asio): the
// io_context and its threads, the handler pools, the acceptor, the open
// connections for a graceful shutdown. Modelled on Beast's
// advanced_server_flex example: one owner per socket (a strand per
// connection), a timeout set before every read and write, errors as values.
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "app/app.hpp"
#include "config/config.hpp"
#include "http/address_limit.hpp"
#include "http/server.hpp"

namespace bulwark::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr auto kTlsHandshakeTimeout = std::chrono::seconds(10);

class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  // Called (through the connection's strand) at shutdown: close now if no
  // request is in progress, else after the current response.
  virtual void stop_if_idle() = 0;
};

class Server::Impl {
 public:
  Impl(const config::Config& config, app::App& app)
      : config(config),
        app(app),
        per_address(config.max_connections_per_ip),
        threads_(config.network_threads ? config.network_threads
                                        : std::max(1u, std::thread::hardware_concurrency())),
        ioc_(static_cast<int>(threads_)),
        acceptor_(net::make_strand(ioc_)),
        pool_(config.handler_threads),
        password_pool_(config.password_threads),
        signals_(ioc_, SIGINT, SIGTERM),
        drain_timer_(ioc_) {
    if (config.tls_enabled()) setup_tls();
  }

  std::string bind();
  void run();

  // Shared with connections.
  const config::Config& config;
  app::App& app;
  std::optional<ssl::context> tls;
  net::thread_pool& pool_for(Execution e) {
    return e == Execution::password_pool ? password_pool_ : pool_;
  }
  bool stopping() const { return stopping_.load(); }
  void track(const std::shared_ptr<ConnectionBase>& c) {
    std::lock_guard lock(registry_mutex_);
    if (registry_.size() > 2 * connections.load() + 64)
      registry_.remove_if([](const auto& w) { return w.expired(); });
    registry_.push_back(c);
  }
  std::atomic<std::size_t> connections{0};
  // Declared before ioc_: connections still queued in it at destruction
  // give their slots back to a live object.
  AddressLimit per_address;

 private:
  void setup_tls();
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void begin_shutdown();
  void wait_for_drain(std::chrono::steady_clock::time_point deadline);

  unsigned threads_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::thread_pool pool_;
  net::thread_pool password_pool_;
  net::signal_set signals_;
  net::steady_timer drain_timer_;
  std::atomic<bool> stopping_{false};
  std::mutex registry_mutex_;
  std::list<std::weak_ptr<ConnectionBase>> registry_;
};

}  // namespace bulwark::http
