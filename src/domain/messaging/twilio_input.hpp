#pragma once
// What Twilio posts (application/x-www-form-urlencoded) read into the
// service's inputs, and the TwiML we answer with. The signature was checked
// before any of this runs (app/webhook_auth.cpp).
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/messaging/model.hpp"

namespace bulwark::domain::messaging {

// MessageSid, From and To are required (From and To E.164), Body at most 1,600 bytes.
Expected<InboundSms, ApiError> read_inbound_sms(std::string_view form_body);
// MessageSid and MessageStatus are required; ErrorCode is kept when present.
Expected<DeliveryStatus, ApiError> read_delivery_status(std::string_view form_body);

// <Response><Message>text</Message></Response>, XML-escaped; empty text:
// an empty <Response/> (no reply).
std::string twiml(std::string_view reply);

}  // namespace bulwark::domain::messaging
