// The only translation unit that includes Beast and Asio: everything above
// it speaks bulwark::http::Request/Response. Modelled on Beast's
// advanced_server_flex example: one owner per socket (a strand per
// connection), a timeout set before every read and write, errors as values.
#include "http/server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <list>
#include <mutex>
#include <thread>

#include "app/app.hpp"
#include "config/config.hpp"
#include "crypto/tls_context.hpp"
#include "http/address_limit.hpp"
#include "http/framing.hpp"
#include "logging/log.hpp"

namespace bulwark::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using logging::Field;

namespace {

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr auto kTlsHandshakeTimeout = std::chrono::seconds(10);
constexpr std::size_t kFirstReadChunk = 4096;
// After an error answer we stop sending and read (and discard) what the client
// still sends for a moment before closing: closing a socket with unread input
// makes the kernel send a reset, which can destroy the answer in flight.
constexpr auto kLingerTimeout = std::chrono::seconds(1);
constexpr std::size_t kLingerMaxBytes = 64 * 1024;

// Beast's parser errors (bad method, bad target, bad header...) all live in
// its http error category: answer those with 400 rather than dropping.
bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// Beast already refuses some ambiguous framings while parsing the header
// (two different Content-Length values; Content-Length and chunked
// Transfer-Encoding together); name them as framing_error() does.
std::optional<ApiError> beast_framing_error(const beast::error_code& ec,
                                            const bhttp::request<bhttp::string_body>& partial) {
  const bool has_te = partial.count(bhttp::field::transfer_encoding) != 0;
  const bool has_cl = partial.count(bhttp::field::content_length) != 0;
  auto bad = [](std::string message, std::string_view reason) {
    return ApiError(ErrorCode::bad_request, std::move(message), std::string(reason));
  };
  if (ec == bhttp::error::multiple_content_length)
    return bad("Content-Length values disagree", kConflictingContentLength);
  if ((ec == bhttp::error::bad_content_length && has_te) ||
      (ec == bhttp::error::bad_transfer_encoding && has_cl))
    return bad("Transfer-Encoding and Content-Length together are ambiguous",
               kTransferEncodingWithContentLength);
  if (ec == bhttp::error::bad_content_length)
    return bad("Content-Length is not a number", kInvalidContentLength);
  if (ec == bhttp::error::bad_transfer_encoding)
    return bad("chunked may be applied only once", kTransferEncodingInvalid);
  return std::nullopt;
}

Request to_request(bhttp::request<bhttp::string_body>&& in) {
  Request r;
  r.method_text = std::string(in.method_string());
  r.method = parse_method(r.method_text);
  r.target = std::string(in.target());
  auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  if (q != std::string::npos) r.query = r.target.substr(q + 1);
  for (const auto& field : in) r.headers.add(field.name_string(), field.value());
  r.body = std::move(in.body());
  return r;
}

}  // namespace

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
      : config_(config),
        app_(app),
        per_address_(config.max_connections_per_ip),
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
  const config::Config& config_;
  app::App& app_;
  std::optional<ssl::context> tls_;
  net::thread_pool& pool_for(Execution e) {
    return e == Execution::password_pool ? password_pool_ : pool_;
  }
  bool stopping() const { return stopping_.load(); }
  void track(const std::shared_ptr<ConnectionBase>& c) {
    std::lock_guard lock(registry_mutex_);
    if (registry_.size() > 2 * connections_.load() + 64)
      registry_.remove_if([](const auto& w) { return w.expired(); });
    registry_.push_back(c);
  }
  std::atomic<std::size_t> connections_{0};
  // Declared before ioc_: connections still queued in it at destruction
  // give their slots back to a live object.
  AddressLimit per_address_;

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

// One HTTP connection, plain or TLS (CRTP, as in Beast's flex example).
template <class Derived>
class Connection : public ConnectionBase {
 public:
  Connection(Server::Impl& server, std::string peer_ip, bool tls, AddressLimit::Slot slot)
      : server_(server), peer_ip_(std::move(peer_ip)), tls_(tls), slot_(std::move(slot)) {
    ++server_.connections_;
  }
  ~Connection() override { --server_.connections_; }

  void stop_if_idle() override {
    net::dispatch(derived().stream().get_executor(), [self = derived().shared_from_this()] {
      if (self->idle_) self->derived().close();
    });
  }

 protected:
  Derived& derived() { return static_cast<Derived&>(*this); }
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(derived().stream()); }

  // Waiting for a request: first for any byte under the idle timeout, then
  // for the complete header under the header timeout, then for the body
  // under the body timeout. A client trickling one byte a second is cut off
  // by the header timeout with a 408.
  void start_read() {
    if (server_.stopping()) return derived().close();
    const auto& c = server_.config_;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(c.max_header_bytes));
    parser_->body_limit(c.max_body_bytes);
    received_at_ = std::chrono::steady_clock::now();
    if (buffer_.size() > 0) return read_header();
    idle_ = true;
    lowest().expires_after(c.idle_timeout);
    derived().stream().async_read_some(
        buffer_.prepare(kFirstReadChunk),
        [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
          self->buffer_.commit(n);
          if (ec) return self->derived().close();  // idle timeout, EOF, reset: nothing to answer
          self->received_at_ = std::chrono::steady_clock::now();
          self->read_header();
        });
  }

  // Header and body reads run under our own deadline rather than the
  // stream's timeout: the stream's timeout closes the socket, and we want to
  // answer a slow client with a 408 before closing.
  void arm_deadline(std::chrono::milliseconds limit) {
    lowest().expires_never();
    timed_out_ = false;
    deadline_.emplace(derived().stream().get_executor());
    deadline_->expires_after(limit);
    deadline_->async_wait([self = derived().shared_from_this()](beast::error_code ec) {
      if (ec) return;  // cancelled: the read finished in time
      self->timed_out_ = true;
      beast::error_code ignored;
      self->lowest().socket().cancel(ignored);
    });
  }
  void disarm_deadline() {
    if (deadline_) deadline_->cancel();
  }

  void read_header() {
    idle_ = false;
    arm_deadline(server_.config_.header_timeout);
    bhttp::async_read_header(
        derived().stream(), buffer_, *parser_,
        [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
          self->disarm_deadline();
          if (ec) return self->on_read_error(ec);
          self->after_header();
        });
  }

  void after_header() {
    // Before anything reads (or skips) a body: where this request ends must
    // be certain, or its body could run as a second request (smuggling).
    if (auto error = framing_error_of_header()) return reject(*error);
    if (parser_->is_done()) return dispatch();
    const auto& req = parser_->get();
    if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
      continue_.emplace(bhttp::status::continue_, req.version());
      lowest().expires_after(kWriteTimeout);
      return bhttp::async_write(
          derived().stream(), *continue_,
          [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->derived().close();
            self->read_body();
          });
    }
    read_body();
  }

  std::optional<ApiError> framing_error_of_header() const {
    const auto& req = parser_->get();
    FramingHeaders framing;
    framing.version = req.version();
    for (const auto& field : req) {
      if (field.name() == bhttp::field::transfer_encoding)
        framing.transfer_encoding.push_back(field.value());
      else if (field.name() == bhttp::field::content_length)
        framing.content_length.push_back(field.value());
    }
    if (auto error = framing_error(framing)) return error;
    // Belt and braces: whatever we accepted, Beast must read it as chunked.
    if (!framing.transfer_encoding.empty() && !parser_->chunked())
      return ApiError(ErrorCode::bad_request, "the final transfer coding must be chunked",
                      std::string(kTransferEncodingNotChunked));
    return std::nullopt;
  }

  void read_body() {
    arm_deadline(server_.config_.body_timeout);
    bhttp::async_read(derived().stream(), buffer_, *parser_,
                      [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
                        self->disarm_deadline();
                        if (ec) return self->on_read_error(ec);
                        self->dispatch();
                      });
  }

  void on_read_error(beast::error_code ec) {
    if (timed_out_)
      return reject(ApiError(ErrorCode::request_timeout, "the request took too long to arrive"));
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::connection_reset || ec == net::error::operation_aborted)
      return derived().close();
    if (ec == beast::error::timeout)
      return reject(ApiError(ErrorCode::request_timeout, "the request took too long to arrive"));
    if (ec == bhttp::error::header_limit)
      return reject(ApiError(ErrorCode::header_too_large, "the request header is too large"));
    if (ec == bhttp::error::body_limit)
      return reject(ApiError(ErrorCode::payload_too_large, "the request body is too large"));
    if (auto framing = beast_framing_error(ec, parser_->get())) return reject(*framing);
    if (is_parse_error(ec))
      return reject(ApiError(ErrorCode::bad_request, "the request is malformed", "malformed_http"));
    derived().close();
  }

  void reject(const ApiError& error) {
    Request req;
    req.received_at = received_at_;
    if (parser_ && parser_->is_header_done()) {
      req.method_text = std::string(parser_->get().method_string());
      req.method = parse_method(req.method_text);
    } else {
      req.method = Method::other;
    }
    Response res = server_.app_.reject(req, peer_ip_, tls_, error);
    write(std::move(res), false, false, true);
  }

  void dispatch() {
    const bool keep_alive = parser_->get().keep_alive();
    Request req = to_request(parser_->release());
    req.received_at = received_at_;
    const bool head = req.method == Method::head;
    // Matched once, here: the route decides the thread, and the pipeline
    // gets the same match.
    auto match = server_.app_.match(req);
    const Execution execution = app::App::execution_for(match);
    if (execution == Execution::network_thread) {
      Response res = server_.app_.handle(req, match, peer_ip_, tls_);
      return write(std::move(res), head, keep_alive);
    }
    // Blocking work goes to the handler pool; the answer comes back to
    // this connection's strand.
    net::post(server_.pool_for(execution),
              [self = derived().shared_from_this(), req = std::move(req), match = std::move(match),
               head, keep_alive]() mutable {
                Response res = self->server_.app_.handle(req, match, self->peer_ip_, self->tls_);
                net::post(self->derived().stream().get_executor(),
                          [self, res = std::move(res), head, keep_alive]() mutable {
                            self->write(std::move(res), head, keep_alive);
                          });
              });
  }

  // `after_error`: the request was refused unread; what the client still
  // sends is drained briefly before the close (see kLingerTimeout).
  void write(Response res, bool head, bool client_keep_alive, bool after_error = false) {
    const bool keep_alive = client_keep_alive && !res.close_connection && !server_.stopping();
    auto out = std::make_shared<std::string>(serialize(res, head, keep_alive));
    lowest().expires_after(kWriteTimeout);
    net::async_write(derived().stream(), net::buffer(*out),
                     [self = derived().shared_from_this(), out, keep_alive, after_error](
                         beast::error_code ec, std::size_t) {
                       if (!ec && after_error) return self->derived().close_after_error();
                       if (ec || !keep_alive) return self->derived().close();
                       self->start_read();
                     });
  }

  // The response in one buffer: cheaper than building a Beast message field
  // by field (bench/README.md). HEAD gets the GET response's headers and
  // Content-Length without the body. Header text never carries CR or LF.
  static std::string serialize(const Response& res, bool head, bool keep_alive) {
    std::string out;
    out.reserve(512 + (head ? 0 : res.body.size()));
    out += "HTTP/1.1 ";
    out += std::to_string(res.status);
    out += ' ';
    out += bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
    out += "\r\n";
    auto append_clean = [&out](std::string_view text) {
      for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
    };
    for (const auto& [name, value] : res.headers.all()) {
      append_clean(name);
      out += ": ";
      append_clean(value);
      out += "\r\n";
    }
    out += res.preset_headers;
    if (!keep_alive) out += "Connection: close\r\n";
    out += "Content-Length: ";
    out += std::to_string(res.body.size());
    out += "\r\n\r\n";
    if (!head) out += res.body;
    return out;
  }

  Server::Impl& server_;
  std::string peer_ip_;
  bool tls_;
  AddressLimit::Slot slot_;  // this peer's place under BULWARK_MAX_CONNECTIONS_PER_IP
  bool idle_ = true;
  bool timed_out_ = false;
  std::optional<net::steady_timer> deadline_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::chrono::steady_clock::time_point received_at_;
};

class PlainConnection : public Connection<PlainConnection>,
                        public std::enable_shared_from_this<PlainConnection> {
 public:
  PlainConnection(Server::Impl& server, tcp::socket&& socket, std::string peer,
                  AddressLimit::Slot slot)
      : Connection(server, std::move(peer), false, std::move(slot)), stream_(std::move(socket)) {}
  beast::tcp_stream& stream() { return stream_; }
  void start() { start_read(); }
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }
  // Half-close, then discard input until the client closes, kLingerMaxBytes
  // or kLingerTimeout, whichever comes first.
  void close_after_error() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(kLingerTimeout);
    drain();
  }

 private:
  void drain() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ >= kLingerMaxBytes) return self->close();
                              self->drain();
                            });
  }
  beast::tcp_stream stream_;
  std::size_t drained_ = 0;
  char scratch_[4096];
};

class TlsConnection : public Connection<TlsConnection>,
                      public std::enable_shared_from_this<TlsConnection> {
 public:
  TlsConnection(Server::Impl& server, tcp::socket&& socket, std::string peer, ssl::context& ctx,
                AddressLimit::Slot slot)
      : Connection(server, std::move(peer), true, std::move(slot)),
        stream_(std::move(socket), ctx) {}
  beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }
  void start() {
    beast::get_lowest_layer(stream_).expires_after(kTlsHandshakeTimeout);
    stream_.async_handshake(ssl::stream_base::server,
                            [self = shared_from_this()](beast::error_code ec) {
                              if (ec) return self->close_now();
                              self->start_read();
                            });
  }
  void close() {
    if (closing_) return;
    closing_ = true;
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->close_now(); });
  }
  // TLS: close_notify is already an orderly end the client reads first.
  void close_after_error() { close(); }

 private:
  void close_now() {
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().close(ec);
  }
  beast::ssl_stream<beast::tcp_stream> stream_;
  bool closing_ = false;
};

// Answers one over-the-limit connection with a 503, then half-closes and
// drains briefly so the client reads the answer instead of a reset. Over the
// server's limit or over the limit for the client's own address: the reason
// tells which (the second is the client's own doing).
class BusyResponder : public std::enable_shared_from_this<BusyResponder> {
 public:
  enum class Cause { server_full, address_full };
  BusyResponder(tcp::socket&& socket, Cause cause)
      : stream_(std::move(socket)),
        answer_(cause == Cause::server_full ? kServerFull : kAddressFull) {}
  void start() {
    stream_.expires_after(std::chrono::seconds(2));
    net::async_write(stream_, net::buffer(answer_),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->close();
                       beast::error_code ignored;
                       self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                       self->drain();
                     });
  }

 private:
  static std::string busy_answer(std::string_view body) {
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
           "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
  }
  inline static const std::string kServerFull = busy_answer(
      R"({"error":{"code":"service_unavailable","message":"too many connections; try again",)"
      R"("reason":"too_many_connections"}})");
  inline static const std::string kAddressFull = busy_answer(
      R"({"error":{"code":"service_unavailable","message":"too many connections from your )"
      R"(address; close some and try again","reason":"too_many_connections_from_address"}})");
  void drain() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->drain();
                            });
  }
  void close() {
    beast::error_code ignored;
    stream_.socket().close(ignored);
  }
  beast::tcp_stream stream_;
  const std::string& answer_;
  char scratch_[1024];
};

void Server::Impl::setup_tls() {
  tls_.emplace(crypto::make_tls_server_context({.cert_file = config_.tls_cert_file,
                                                .key_file = config_.tls_key_file,
                                                .allow_tls12 = config_.tls_allow_tls12}));
}

std::string Server::Impl::bind() {
  boost::system::error_code ec;
  tcp::resolver resolver(ioc_);
  auto results = resolver.resolve(config_.listen.host, std::to_string(config_.listen.port),
                                  tcp::resolver::passive, ec);
  if (ec || results.empty())
    throw std::runtime_error("BULWARK_LISTEN: cannot resolve host " + config_.listen.host);
  const tcp::endpoint endpoint = *results.begin();
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("BULWARK_LISTEN: cannot listen on " + config_.listen.host + ":" +
                             std::to_string(config_.listen.port) + " (" + ec.message() + ")");
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
    if (!per_address_.unlimited() && peer != config_.trusted_proxy)
      slot = per_address_.acquire(client_address_key(peer));
    if (connections_.load() >= config_.max_connections) {
      // Over the limit: a short 503 and a close, never an unbounded queue.
      std::make_shared<BusyResponder>(std::move(socket), BusyResponder::Cause::server_full)
          ->start();
    } else if (!slot) {
      std::make_shared<BusyResponder>(std::move(socket), BusyResponder::Cause::address_full)
          ->start();
    } else if (tls_) {
      auto c =
          std::make_shared<TlsConnection>(*this, std::move(socket), peer, *tls_, std::move(*slot));
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
                {{Field::count, static_cast<std::int64_t>(connections_.load())}});
  beast::error_code ec;
  acceptor_.close(ec);
  {
    std::lock_guard lock(registry_mutex_);
    for (auto& weak : registry_)
      if (auto c = weak.lock()) c->stop_if_idle();
  }
  wait_for_drain(std::chrono::steady_clock::now() + config_.shutdown_grace);
}

void Server::Impl::wait_for_drain(std::chrono::steady_clock::time_point deadline) {
  if (connections_.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    if (connections_.load() != 0)
      logging::warn("shutdown grace period over; closing remaining connections",
                    {{Field::count, static_cast<std::int64_t>(connections_.load())}});
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
