#include "api/twilio_webhooks.hpp"

#include "domain/messaging/service.hpp"
#include "domain/phone.hpp"
#include "logging/log.hpp"
#include "webhooks/form_body.hpp"

namespace bulwark::api {

namespace messaging = domain::messaging;

namespace {

Result<webhooks::FormParams> form_of(const Ctx& ctx) {
  auto params = webhooks::parse_form(ctx.request.body);
  if (!params)
    return unexpected(
        ApiError(ErrorCode::bad_request, "the form body is malformed", "malformed_form"));
  return std::move(*params);
}

Result<std::string> required(const webhooks::FormParams& params, std::string_view name,
                             std::size_t max_length) {
  auto v = webhooks::form_value(params, name);
  if (!v || v->empty() || v->size() > max_length)
    return unexpected(ApiError(ErrorCode::validation_failed,
                               "a required parameter is missing or too long", "invalid_parameter",
                               {{std::string(name), "is required"}}));
  return std::string(*v);
}

audit::Actor webhook_actor(const Ctx& ctx) {
  auto by = ctx.actor();
  by.type = "webhook";
  by.user_id.reset();
  return by;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// <Response><Message>text</Message></Response>; empty text: <Response/> (no reply).
http::Response twiml_reply(std::string_view text) {
  http::Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/xml; charset=utf-8");
  r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  r.body += text.empty() ? std::string("<Response/>")
                         : "<Response><Message>" + xml_escape(text) + "</Message></Response>";
  return r;
}

}  // namespace

Result<http::Response> twilio_inbound_sms(Ctx& ctx) {
  BULWARK_TRY(const auto params, form_of(ctx));
  BULWARK_TRY(auto sid, required(params, "MessageSid", 64));
  BULWARK_TRY(const auto from_text, required(params, "From", 32));
  BULWARK_TRY(const auto to_text, required(params, "To", 32));
  const auto from = domain::normalize_phone(from_text);
  const auto to = domain::normalize_phone(to_text);
  auto body = std::string(webhooks::form_value(params, "Body").value_or(""));
  if (!from || !to)
    return unexpected(ApiError(ErrorCode::validation_failed, "From and To must be phone numbers",
                               "invalid_parameter", {{"From", "must be E.164"}}));
  if (body.size() > 1600)
    return unexpected(ApiError(ErrorCode::validation_failed, "the message is too long",
                               "invalid_parameter", {{"Body", "at most 1600 characters"}}));
  const auto answer =
      messaging::receive(ctx.services.db, webhook_actor(ctx),
                         {std::move(sid), *from, *to, std::move(body)}, ctx.now_ms());
  if (!answer.stored)
    logging::info("inbound sms not stored",
                  {{logging::Field::client_ip, ctx.request.client_ip},
                   {logging::Field::reason, std::string_view("unknown_number_or_duplicate")}});
  return twiml_reply(answer.reply);
}

Result<http::Response> twilio_message_status(Ctx& ctx) {
  BULWARK_TRY(const auto params, form_of(ctx));
  BULWARK_TRY(auto sid, required(params, "MessageSid", 64));
  BULWARK_TRY(auto status, required(params, "MessageStatus", 20));
  std::optional<std::string> error_code;
  if (const auto code = webhooks::form_value(params, "ErrorCode")) error_code = std::string(*code);
  messaging::record_delivery(ctx.services.db, webhook_actor(ctx),
                             {std::move(sid), std::move(status), std::move(error_code)},
                             ctx.now_ms());
  return twiml_reply("");
}

}  // namespace bulwark::api
