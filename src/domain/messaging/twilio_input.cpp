#include "domain/messaging/twilio_input.hpp"

#include "core/try.hpp"
#include "domain/phone.hpp"
#include "webhooks/form_body.hpp"

namespace bulwark::domain::messaging {

namespace {

Expected<webhooks::FormParams, ApiError> form_of(std::string_view body) {
  auto params = webhooks::parse_form(body);
  if (!params)
    return unexpected(
        ApiError(ErrorCode::bad_request, "the form body is malformed", "malformed_form"));
  return std::move(*params);
}

Expected<std::string, ApiError> required(const webhooks::FormParams& params, std::string_view name,
                                         std::size_t max_length) {
  auto v = webhooks::form_value(params, name);
  if (!v || v->empty() || v->size() > max_length)
    return unexpected(ApiError(ErrorCode::validation_failed,
                               "a required parameter is missing or too long", "invalid_parameter",
                               {{std::string(name), "is required"}}));
  return std::string(*v);
}

ApiError invalid(std::string message, std::string field, std::string problem) {
  return ApiError(ErrorCode::validation_failed, std::move(message), "invalid_parameter",
                  {{std::move(field), std::move(problem)}});
}

}  // namespace

Expected<InboundSms, ApiError> read_inbound_sms(std::string_view form_body) {
  BULWARK_TRY(const auto params, form_of(form_body));
  BULWARK_TRY(auto sid, required(params, "MessageSid", 64));
  BULWARK_TRY(const auto from_text, required(params, "From", 32));
  BULWARK_TRY(const auto to_text, required(params, "To", 32));
  auto from = normalize_phone(from_text);
  auto to = normalize_phone(to_text);
  auto body = std::string(webhooks::form_value(params, "Body").value_or(""));
  if (!from || !to)
    return unexpected(invalid("From and To must be phone numbers", "From", "must be E.164"));
  if (body.size() > 1600)
    return unexpected(invalid("the message is too long", "Body", "at most 1600 characters"));
  return InboundSms{std::move(sid), std::move(*from), std::move(*to), std::move(body)};
}

Expected<DeliveryStatus, ApiError> read_delivery_status(std::string_view form_body) {
  BULWARK_TRY(const auto params, form_of(form_body));
  BULWARK_TRY(auto sid, required(params, "MessageSid", 64));
  BULWARK_TRY(auto status, required(params, "MessageStatus", 20));
  std::optional<std::string> error_code;
  if (const auto code = webhooks::form_value(params, "ErrorCode")) error_code = std::string(*code);
  return DeliveryStatus{std::move(sid), std::move(status), std::move(error_code)};
}

std::string twiml(std::string_view reply) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  if (reply.empty()) return out + "<Response/>";
  out += "<Response><Message>";
  for (char c : reply) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out + "</Message></Response>";
}

}  // namespace bulwark::domain::messaging
