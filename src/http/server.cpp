// The server: binds, accepts (with the connection limits), and shuts down
// gracefully. Beast and Asio stay in the server_* files of src/http/;
// everything above them speaks bulwark::http::Request/Response.
#include "http/server.hpp"

#include "crypto/tls_context.hpp"
#include "http/server_busy.hpp"
#include "http/server_impl.hpp"
#include "http/server_streams.hpp"
#include "logging/log.hpp"

namespace bulwark::http {

using logging::Field;

void Server::Impl::setup_tls() {
  tls.emplace(crypto::make_tls_server_context({.cert_file = config.tls_cert_file,
                                               .key_file = config.tls_key_file,
                                               .allow_tls12 = config.tls_allow_tls12}));
}

std::string Server::Impl::bind() {
  boost::system::error_code ec;
  tcp::resolver resolver(ioc_);
  auto results = resolver.resolve(config.listen.host, std::to_string(config.listen.port),
                                  tcp::resolver::passive, ec);
  if (ec || results.empty())
    throw std::runtime_error("BULWARK_LISTEN: cannot resolve host " + config.listen.host);
  const tcp::endpoint endpoint = *results.begin();
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("BULWARK_LISTEN: cannot listen on " + config.listen.host + ":" +
                             std::to_string(config.listen.port) + " (" + ec.message() + ")");
  auto local = acceptor_.local_endpoint();
  auto host = local.address().to_string();
  if (local.address().is_v6()) host = "[" + host + "]";
  return host + ":" + std::to_string(local.port());
}

void Server::Impl::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Impl::on_accept, this));
}

void Server::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping_) return;
  if (!ec) {
    beast::error_code ignored;
    auto peer = socket.remote_endpoint(ignored).address().to_string();
    socket.set_option(tcp::no_delay(true), ignored);
    std::optional<AddressLimit::Slot> slot = AddressLimit::Slot();
    // The trusted proxy carries every client: it is exempt here and must
    // enforce its own per-client limit.
    if (!per_address.unlimited() && peer != config.trusted_proxy)
      slot = per_address.acquire(client_address_key(peer));
    if (connections.load() >= config.max_connections) {
      // Over the limit: a short 503 and a close, never an unbounded queue.
      std::make_shared<BusyResponder>(std::move(socket), BusyResponder::Cause::server_full)
          ->start();
    } else if (!slot) {
      std::make_shared<BusyResponder>(std::move(socket), BusyResponder::Cause::address_full)
          ->start();
    } else if (tls) {
      auto c =
          std::make_shared<TlsConnection>(*this, std::move(socket), peer, *tls, std::move(*slot));
      track(c);
      c->start();
    } else {
      auto c = std::make_shared<PlainConnection>(*this, std::move(socket), peer, std::move(*slot));
      track(c);
      c->start();
    }
  }
  do_accept();
}

void Server::Impl::begin_shutdown() {
  if (stopping_.exchange(true)) return;
  logging::info("shutting down: draining connections",
                {{Field::count, static_cast<std::int64_t>(connections.load())}});
  beast::error_code ec;
  acceptor_.close(ec);
  {
    std::lock_guard lock(registry_mutex_);
    for (auto& weak : registry_)
      if (auto c = weak.lock()) c->stop_if_idle();
  }
  wait_for_drain(std::chrono::steady_clock::now() + config.shutdown_grace);
}

void Server::Impl::wait_for_drain(std::chrono::steady_clock::time_point deadline) {
  if (connections.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    if (connections.load() != 0)
      logging::warn("shutdown grace period over; closing remaining connections",
                    {{Field::count, static_cast<std::int64_t>(connections.load())}});
    ioc_.stop();
    return;
  }
  drain_timer_.expires_after(std::chrono::milliseconds(50));
  drain_timer_.async_wait([this, deadline](beast::error_code) { wait_for_drain(deadline); });
}

void Server::Impl::run() {
  signals_.async_wait([this](beast::error_code ec, int) {
    if (!ec) begin_shutdown();
  });
  do_accept();
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < threads_; ++i) threads.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& t : threads) t.join();
  pool_.join();
  password_pool_.join();
}

Server::Server(const config::Config& config, app::App& app)
    : impl_(std::make_unique<Impl>(config, app)) {}
Server::~Server() = default;
std::string Server::bind() { return impl_->bind(); }
void Server::run() { impl_->run(); }

}  // namespace bulwark::http
