#include "identity/totp.hpp"

#include <array>

#include "crypto/random.hpp"

namespace bulwark::identity::totp {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Percent-encoding of a URI component (RFC 3986 unreserved characters kept).
std::string uri_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

}  // namespace

std::int64_t step_at(std::int64_t unix_seconds) { return unix_seconds / kStepSeconds; }

std::string code_at(std::string_view secret, std::int64_t step, int digits) {
  std::string counter(8, '\0');
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<char>(step & 0xff);
    step >>= 8;
  }
  const std::string mac = crypto::hmac_sha1(secret, counter);
  // RFC 4226 section 5.3: dynamic truncation.
  const int offset = static_cast<unsigned char>(mac[19]) & 0x0f;
  const std::uint32_t binary = ((static_cast<unsigned char>(mac[offset]) & 0x7f) << 24) |
                               (static_cast<unsigned char>(mac[offset + 1]) << 16) |
                               (static_cast<unsigned char>(mac[offset + 2]) << 8) |
                               static_cast<unsigned char>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string out = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - out.size(), '0') + out;
}

std::optional<std::int64_t> accept(std::string_view secret, std::string_view code,
                                   std::int64_t unix_seconds, std::int64_t last_accepted) {
  if (code.size() != static_cast<std::size_t>(kDigits)) return std::nullopt;
  const auto now = step_at(unix_seconds);
  std::optional<std::int64_t> found;
  // Every candidate is computed and compared, whichever matches.
  for (std::int64_t step = now - 1; step <= now + 1; ++step)
    if (crypto::constant_time_equal(code_at(secret, step), code) && step > last_accepted && !found)
      found = step;
  return found;
}

std::string base32(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 0x1f];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1f];
  return out;
}

std::optional<std::string> from_base32(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '=') continue;
    const char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 32) : raw;
    const auto value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account_name,
                        std::string_view secret) {
  const auto label = uri_component(std::string(issuer) + ":" + std::string(account_name));
  return "otpauth://totp/" + label + "?secret=" + base32(secret) +
         "&issuer=" + uri_component(issuer) + "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
         "&period=" + std::to_string(kStepSeconds);
}

}  // namespace bulwark::identity::totp
