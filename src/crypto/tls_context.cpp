#include "crypto/tls_context.hpp"

#include <openssl/ssl.h>

#include <stdexcept>

namespace bulwark::crypto {

namespace ssl = boost::asio::ssl;

ssl::context make_tls_server_context(const TlsServerSettings& settings) {
  ssl::context tls(ssl::context::tls_server);
  auto* native = tls.native_handle();
  // TLS 1.3 only unless 1.2 is explicitly allowed; then only AEAD suites
  // with forward secrecy (MUST-NOT-008).
  SSL_CTX_set_min_proto_version(native, settings.allow_tls12 ? TLS1_2_VERSION : TLS1_3_VERSION);
  SSL_CTX_set_cipher_list(native, "ECDHE+AESGCM:ECDHE+CHACHA20");
  tls.set_options(ssl::context::default_workarounds | ssl::context::no_compression |
                  ssl::context::single_dh_use);
  boost::system::error_code ec;
  tls.use_certificate_chain_file(settings.cert_file, ec);
  if (ec) throw std::runtime_error("BULWARK_TLS_CERT: cannot load the certificate chain");
  tls.use_private_key_file(settings.key_file, ssl::context::pem, ec);
  if (ec) throw std::runtime_error("BULWARK_TLS_KEY: cannot load the private key");
  return tls;
}

}  // namespace bulwark::crypto
