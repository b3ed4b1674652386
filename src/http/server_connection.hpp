#pragma once
// One HTTP connection, plain or TLS (server side only): read a request under
// deadlines, match its route, read its body under the route's limit, run it
// on the thread the route asks for, write the answer.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <optional>
#include <string>

#include "http/body_limit.hpp"
#include "http/framing.hpp"
#include "http/server_impl.hpp"
#include "http/server_wire.hpp"

namespace bulwark::http {

constexpr std::size_t kFirstReadChunk = 4096;
// After an error answer we stop sending and read (and discard) what the client
// still sends for a moment before closing: closing a socket with unread input
// makes the kernel send a reset, which can destroy the answer in flight.
constexpr auto kLingerTimeout = std::chrono::seconds(1);
constexpr std::size_t kLingerMaxBytes = 64 * 1024;

// One HTTP connection, plain or TLS (CRTP, as in Beast's flex example).
template <class Derived>
class Connection : public ConnectionBase {
 public:
  Connection(Server::Impl& server, std::string peer_ip, bool tls, AddressLimit::Slot slot)
      : server_(server), peer_ip_(std::move(peer_ip)), tls_(tls), slot_(std::move(slot)) {
    ++server_.connections;
  }
  ~Connection() override { --server_.connections; }

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
    const auto& c = server_.config;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(c.max_header_bytes));
    // Until the route is known, the largest limit of any route: Beast checks
    // Content-Length against it while reading the header.
    parser_->body_limit(largest_body_limit(c));
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
    arm_deadline(server_.config.header_timeout);
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
    const auto& req = parser_->get();
    // Matched once, here: the route decides the body limit, the thread, and
    // the pipeline gets the same match.
    const std::string_view target = req.target();
    match_ = server_.app.router().match(parse_method(req.method_string()),
                                        target.substr(0, target.find('?')));
    const std::size_t limit = body_limit_for(match_->route, server_.config);
    if (auto length = parser_->content_length(); length && *length > limit)
      return reject(ApiError(ErrorCode::payload_too_large, "the request body is too large"));
    parser_->body_limit(limit);
    if (parser_->is_done()) return dispatch();
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
    arm_deadline(server_.config.body_timeout);
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
    Response res = server_.app.reject(req, peer_ip_, tls_, error);
    write(res, false, false, true);
  }

  void dispatch() {
    const bool keep_alive = parser_->get().keep_alive();
    Request req = to_request(parser_->release());
    req.received_at = received_at_;
    const bool head = req.method == Method::head;
    auto match = std::move(*match_);
    match_.reset();
    const Execution execution = app::App::execution_for(match);
    if (execution == Execution::network_thread) {
      Response res = server_.app.handle(req, match, peer_ip_, tls_);
      return write(res, head, keep_alive);
    }
    // Blocking work goes to the handler pool; the answer comes back to
    // this connection's strand.
    net::post(server_.pool_for(execution),
              [self = derived().shared_from_this(), req = std::move(req), match = std::move(match),
               head, keep_alive]() mutable {
                Response res = self->server_.app.handle(req, match, self->peer_ip_, self->tls_);
                net::post(self->derived().stream().get_executor(),
                          [self, res = std::move(res), head, keep_alive]() mutable {
                            self->write(res, head, keep_alive);
                          });
              });
  }

  // `after_error`: the request was refused unread; what the client still
  // sends is drained briefly before the close (see kLingerTimeout).
  void write(const Response& res, bool head, bool client_keep_alive, bool after_error = false) {
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
  std::optional<MatchResult> match_;  // from after_header() to dispatch()
  std::chrono::steady_clock::time_point received_at_;
};

}  // namespace bulwark::http
