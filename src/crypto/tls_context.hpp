#pragma once
// The server's TLS context: protocol floor, cipher suites, certificate and
// key. The OpenSSL calls Asio's wrapper does not cover live here, so that
// only crypto/ includes OpenSSL.
#include <boost/asio/ssl/context.hpp>
#include <string>

namespace bulwark::crypto {

struct TlsServerSettings {
  std::string cert_file;     // PEM certificate chain
  std::string key_file;      // PEM private key
  bool allow_tls12 = false;  // TLS 1.3 only unless explicitly allowed
};

// Throws std::runtime_error naming the setting (BULWARK_TLS_CERT,
// BULWARK_TLS_KEY) when a file cannot be loaded; never its contents.
boost::asio::ssl::context make_tls_server_context(const TlsServerSettings& settings);

}  // namespace bulwark::crypto
