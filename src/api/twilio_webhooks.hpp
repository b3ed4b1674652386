#pragma once
// Twilio's webhooks. The pipeline has already verified X-Twilio-Signature
// (app/webhook_auth.cpp) before these run. They read the form, answer with
// TwiML, and leave the rest to domain/messaging/service.cpp:
//  - inbound SMS: the receiving number names the organization; the sender's
//    number names the customer; opt-out words (messaging/sms_keywords.hpp)
//    opt the number out and START/UNSTOP back in, whoever sent them (consent
//    belongs to the number: messaging/consent.hpp), HELP gets the help text,
//    YES confirms the next scheduled visit, anything else joins the
//    customer's thread (and their open work order). Each MessageSid is
//    handled once, however often Twilio retries.
//  - delivery status: moves an outbound message forward (never backward:
//    callbacks can arrive out of order).
#include "api/endpoint.hpp"

namespace bulwark::api {

Result<http::Response> twilio_inbound_sms(Ctx& ctx);
Result<http::Response> twilio_message_status(Ctx& ctx);

}  // namespace bulwark::api
