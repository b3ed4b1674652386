#include "api/twilio_webhooks.hpp"

#include "domain/messaging/service.hpp"
#include "domain/messaging/twilio_input.hpp"
#include "logging/log.hpp"

namespace bulwark::api {

namespace messaging = domain::messaging;

namespace {

// The provider acted, on the organization the service finds.
audit::Actor webhook_actor(const Ctx& ctx) {
  auto by = ctx.actor();
  by.type = "webhook";
  by.user_id.reset();
  return by;
}

http::Response twiml_reply(std::string_view text) {
  http::Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/xml; charset=utf-8");
  r.body = messaging::twiml(text);
  return r;
}

}  // namespace

Result<http::Response> twilio_inbound_sms(Ctx& ctx) {
  BULWARK_TRY(const auto sms, messaging::read_inbound_sms(ctx.request.body));
  const auto answer = messaging::receive(ctx.services.db, webhook_actor(ctx), sms, ctx.now_ms());
  if (!answer.stored)
    logging::info("inbound sms not stored",
                  {{logging::Field::client_ip, ctx.request.client_ip},
                   {logging::Field::reason, std::string_view("unknown_number_or_duplicate")}});
  return twiml_reply(answer.reply);
}

Result<http::Response> twilio_message_status(Ctx& ctx) {
  BULWARK_TRY(const auto status, messaging::read_delivery_status(ctx.request.body));
  messaging::record_delivery(ctx.services.db, webhook_actor(ctx), status, ctx.now_ms());
  return twiml_reply("");
}

}  // namespace bulwark::api
