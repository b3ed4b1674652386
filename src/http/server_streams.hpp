#pragma once
// The two kinds of connection (server side only): plain TCP and TLS, each
// with its own way to close after an error answer.
#include <boost/beast/ssl.hpp>

#include "http/server_connection.hpp"

namespace bulwark::http {

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

}  // namespace bulwark::http
