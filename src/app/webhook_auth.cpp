#include "app/webhook_auth.hpp"

#include <chrono>

#include "core/error.hpp"
#include "logging/log.hpp"
#include "webhooks/form_body.hpp"
#include "webhooks/stripe_signature.hpp"
#include "webhooks/twilio_signature.hpp"

namespace bulwark::app {

namespace {

using Check = Expected<void, ApiError>;

Check reject(const http::Request& request, std::string_view reason) {
  logging::warn("webhook signature rejected", {{logging::Field::client_ip, request.client_ip},
                                               {logging::Field::reason, reason},
                                               {logging::Field::request_id, request.request_id}});
  return bulwark::unexpected(
      ApiError(ErrorCode::forbidden, "invalid webhook signature", std::string(reason)));
}

std::string_view media_type(const http::Request& request) {
  auto v = request.headers.get("content-type").value_or("");
  return v.substr(0, v.find(';'));
}

Check verify_twilio(const http::Request& request, const config::Config& config) {
  std::vector<std::string_view> tokens;
  for (const auto* t : {&config.twilio_auth_token, &config.twilio_auth_token_previous})
    if (!t->empty()) tokens.push_back(t->reveal());
  if (tokens.empty()) return reject(request, "webhook_not_configured");
  const auto signature = request.headers.get("x-twilio-signature").value_or("");
  if (signature.empty()) return reject(request, "signature_missing");
  const auto url = public_request_url(request, config);
  const auto type = media_type(request);
  bool valid = false;
  if (type == "application/x-www-form-urlencoded") {
    auto params = webhooks::parse_form(request.body);
    if (!params)
      return bulwark::unexpected(
          ApiError(ErrorCode::bad_request, "the form body is malformed", "malformed_form"));
    valid = webhooks::twilio_form_signature_valid(tokens, url, *params, signature);
  } else if (type == "application/json") {
    valid = webhooks::twilio_json_signature_valid(tokens, url, request.body, signature);
  } else {
    return bulwark::unexpected(
        ApiError(ErrorCode::unsupported_media_type,
                 "send application/x-www-form-urlencoded or application/json"));
  }
  if (!valid) return reject(request, "signature_mismatch");
  return {};
}

Check verify_stripe(const http::Request& request, const config::Config& config) {
  std::vector<std::string_view> secrets;
  for (const auto* s : {&config.stripe_webhook_secret, &config.stripe_webhook_secret_previous})
    if (!s->empty()) secrets.push_back(s->reveal());
  if (secrets.empty()) return reject(request, "webhook_not_configured");
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto verdict = webhooks::verify_stripe_signature(
      request.headers.get("stripe-signature").value_or(""), request.body, secrets, now);
  if (verdict != webhooks::StripeVerdict::valid)
    return reject(request, webhooks::stripe_verdict_name(verdict));
  return {};
}

}  // namespace

std::string public_request_url(const http::Request& request, const config::Config& config) {
  std::string base = config.public_url;
  if (base.empty()) {
    base = request.secure ? "https://" : "http://";
    base += request.headers.get("host").value_or("");
  }
  while (base.ends_with('/')) base.pop_back();
  return base + request.target;
}

Expected<void, ApiError> verify_webhook(const http::Request& request, http::Auth auth,
                                        const config::Config& config) {
  if (request.body.size() > kMaxWebhookBodyBytes)
    return bulwark::unexpected(
        ApiError(ErrorCode::payload_too_large, "webhook bodies are limited to 64 KiB"));
  if (auth == http::Auth::twilio_signature) return verify_twilio(request, config);
  if (auth == http::Auth::stripe_signature) return verify_stripe(request, config);
  return bulwark::unexpected(
      ApiError(ErrorCode::forbidden, "not a webhook route", "not_a_webhook"));
}

}  // namespace bulwark::app
