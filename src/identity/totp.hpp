#pragma once
// RFC 6238 time-based one-time passwords (HOTP of RFC 4226 over the time
// step), with HMAC-SHA1 as every authenticator app uses: 30-second steps,
// 6 digits, ±1 step of clock drift. Pure functions: the caller stores the
// secret and the last accepted step (identity/mfa.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::identity::totp {

inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr int kDigits = 6;
inline constexpr std::size_t kSecretBytes = 20;  // 160 bits (RFC 4226 section 4 recommends it)

// The time step of a Unix time in seconds.
std::int64_t step_at(std::int64_t unix_seconds);
// The code of one step, zero-padded to `digits` (6 or 8).
std::string code_at(std::string_view secret, std::int64_t step, int digits = kDigits);
// The step among now-1, now, now+1 whose code is `code`, if it is later than
// `last_accepted` (each code is accepted once). Compared in constant time.
std::optional<std::int64_t> accept(std::string_view secret, std::string_view code,
                                   std::int64_t unix_seconds, std::int64_t last_accepted);

// RFC 4648 base32 without padding (what otpauth:// URIs carry), and back
// (case-insensitive, spaces and padding ignored; nullopt on anything else).
std::string base32(std::string_view bytes);
std::optional<std::string> from_base32(std::string_view text);

// The otpauth:// URI of Google Authenticator's key-uri format, which every
// authenticator app reads from the QR code.
std::string otpauth_uri(std::string_view issuer, std::string_view account_name,
                        std::string_view secret);

}  // namespace bulwark::identity::totp
