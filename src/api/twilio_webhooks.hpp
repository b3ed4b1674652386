#pragma once
// Twilio's webhooks. The pipeline has already verified X-Twilio-Signature
// (app/webhook_auth.cpp) before these run.
//  - inbound SMS: the receiving number names the organization; the sender's
//    number names the customer; opt-out words (messaging/sms_keywords.hpp)
//    opt the number out and START/UNSTOP back in, whoever sent them (consent
//    belongs to the number: messaging/consent.hpp), HELP gets the help text,
//    YES confirms the next scheduled visit, anything else joins the
//    customer's thread (and their open work order). Each
//    MessageSid is handled once, however often Twilio retries. Answered with
//    TwiML.
//  - delivery status: moves an outbound message forward (never backward:
//    callbacks can arrive out of order).
#include "app/context.hpp"

namespace bulwark::api {

http::Response twilio_inbound_sms(app::RequestContext& ctx);
http::Response twilio_message_status(app::RequestContext& ctx);

// <Response><Message>text</Message></Response>, XML-escaped; empty text:
// an empty <Response/> (no reply).
http::Response twiml_reply(std::string_view text);

}  // namespace bulwark::api
