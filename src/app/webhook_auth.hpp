#pragma once
// The authenticate stage for webhook routes (MUST-005): the provider's
// signature is the only credential, checked on the raw body before any
// handler sees the request. A failure is a 403, logged with the source IP and
// a named reason, never with the signature or the body.
#include "config/config.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "http/message.hpp"
#include "http/route.hpp"

namespace bulwark::app {

// Webhook bodies are small; anything larger is refused before verification.
inline constexpr std::size_t kMaxWebhookBodyBytes = 64 * 1024;

// The error: payload_too_large, bad_request (undecodable form body),
// unsupported_media_type, or forbidden with reason signature_missing,
// signature_mismatch, signature_malformed, timestamp_out_of_tolerance,
// webhook_not_configured.
Expected<void, ApiError> verify_webhook(const http::Request& request, http::Auth auth,
                                        const config::Config& config);

// The URL Twilio called: BULWARK_PUBLIC_URL + the request target (a proxy in
// front changes what this server sees), or, without a public URL, the scheme
// and Host of the request itself.
std::string public_request_url(const http::Request& request, const config::Config& config);

}  // namespace bulwark::app
