#pragma once
// Twilio's request signature, checked exactly as Twilio's own
// RequestValidator does (twilio-python request_validator.py):
//   base64(HMAC-SHA1(auth token, URL + name1 + value1 + name2 + value2 ...))
// with the form parameters sorted by name (then value, for repeated names).
// The URL is the public one Twilio called; the SDK accepts it both with and
// without the port (Twilio is inconsistent about default ports), so do we.
// For JSON bodies Twilio signs the URL alone, and the URL's bodySHA256
// query parameter carries the hex SHA-256 of the body.
#include <string>
#include <string_view>
#include <vector>

#include "webhooks/form_body.hpp"

namespace bulwark::webhooks {

// The signature Twilio would send for this URL and these parameters.
std::string twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormParams& params);

// The URL as given, without its port, and with the scheme's default port
// added when it has none: the variants the SDK tries.
std::vector<std::string> twilio_url_variants(std::string_view url);

// True when `signature` matches for any configured token (two during a
// rotation) and any URL variant. Comparisons are constant-time.
bool twilio_form_signature_valid(const std::vector<std::string_view>& auth_tokens,
                                 std::string_view url, const FormParams& params,
                                 std::string_view signature);

// JSON bodies: the URL's bodySHA256 must equal the body's SHA-256 (hex) and
// the signature must cover the URL with no parameters.
bool twilio_json_signature_valid(const std::vector<std::string_view>& auth_tokens,
                                 std::string_view url, std::string_view body,
                                 std::string_view signature);

}  // namespace bulwark::webhooks
