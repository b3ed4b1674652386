#pragma once
// Cryptographic randomness and hashing. Only crypto/ includes OpenSSL
// (scripts/check-layers.sh checks it; the TLS context is crypto/tls_context).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::crypto {

std::string random_bytes(std::size_t n);        // from the OpenSSL CSPRNG; throws on failure
std::string random_hex(std::size_t n_bytes);    // 2*n lower-case hex characters
std::string random_token(std::size_t n_bytes);  // base64url without padding
std::string to_hex(std::string_view bytes);
std::string sha256(std::string_view data);  // raw 32 bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
// SHA-1 only because Twilio signs webhooks with HMAC-SHA1; nothing of ours uses it.
std::string hmac_sha1(std::string_view key, std::string_view data);  // raw 20 bytes
std::string base64(std::string_view bytes);  // standard alphabet, padded (RFC 4648 section 4)
// Standard or URL-safe alphabet, padding optional; nullopt on any other character.
std::optional<std::string> from_base64(std::string_view text);
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace bulwark::crypto
