#pragma once
// The answer to a connection over a limit (server side only).
#include <boost/beast/core.hpp>
#include <string>

#include "http/server_impl.hpp"

namespace bulwark::http {

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

}  // namespace bulwark::http
