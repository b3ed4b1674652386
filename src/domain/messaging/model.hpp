#pragma once
// Customer messaging: the organization's SMS texts, customers' threads, the
// office's messages, the organization's SMS number and what Twilio tells us.
// Requests, views and rows, each described once (resource/fields.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "messaging/templates.hpp"
#include "resource/fields.hpp"
#include "resource/read.hpp"

namespace bulwark::domain::messaging {

using resource::Int;
using resource::Text;
using resource::Time;

// --- texts (sms_templates) ---

struct SmsTemplateView {
  std::string kind, description, body;
  bool is_default = true;
};
BULWARK_RESOURCE(SmsTemplateView, kind, description, body, is_default)

struct SmsTemplateChange {  // PUT /api/v1/sms-templates/{kind}
  Text<bulwark::messaging::kMaxTemplateLength> body;
};
BULWARK_RESOURCE(SmsTemplateChange, body)
// Only the placeholders a message can fill ({org}, {number}, ...).
inline void validate(const SmsTemplateChange& t, resource::Problems& problems) {
  if (auto problem = bulwark::messaging::template_problem(t.body.value))
    problems.emplace("body", *problem);
}

struct SavedSmsTemplate {
  std::string kind, body;
  bool is_default = false;
};
BULWARK_RESOURCE(SavedSmsTemplate, kind, body, is_default)

// --- threads and the outbox (sms_messages) ---

struct NewMessage {  // POST /api/v1/customers/{id}/messages
  Text<1000> body;
  std::optional<Int<1, INT64_MAX>> work_order_id;
};
BULWARK_RESOURCE(NewMessage, body, work_order_id)

// 202: what became of a message asked for (queued, already_sent, ...).
struct QueuedView {
  std::string status;
};
BULWARK_RESOURCE(QueuedView, status)

// 202 to "on the way": what became of the text (status: queued, already_sent,
// customer_opted_out, no_phone, no_schedule, not_notified), whether a text
// will really reach the customer now, and a sentence saying so.
struct OnTheWayView {
  std::string status;
  bool text_will_send = false;
  std::string explanation;
};
BULWARK_RESOURCE(OnTheWayView, status, text_will_send, explanation)

struct MessageView {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id, work_order_id;
  std::string direction, kind, phone, body, status;
  std::int64_t attempts = 0;
  std::optional<std::string> last_error;
  std::optional<std::string> waiting_reason;  // why a queued message has not gone out
  Time created_at, updated_at;
};
BULWARK_RESOURCE(MessageView, id, customer_id, work_order_id, direction, kind, phone, body, status,
                 attempts, last_error, waiting_reason, created_at, updated_at)

// Newest first; the cursor is the last message's id (a number).
struct MessagePage {
  std::vector<MessageView> items;
  std::optional<std::int64_t> next_cursor;
};
BULWARK_RESOURCE(MessagePage, items, next_cursor)

struct MessageRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id, work_order_id;
  std::string direction, kind, phone, body, status;
  std::int64_t attempts = 0;
  std::optional<std::string> last_error;
  std::int64_t created_at = 0, updated_at = 0;
  std::optional<std::string> row_key;  // phone and body are sealed (messaging/sealed_message.hpp)
};
BOOST_DESCRIBE_STRUCT(MessageRow, (),
                      (id, customer_id, work_order_id, direction, kind, phone, body, status,
                       attempts, last_error, created_at, updated_at, row_key))

struct MessageQuery {
  std::optional<std::int64_t> customer;
  std::optional<std::string> status, direction;
  std::optional<std::int64_t> before;  // the cursor: ids below it
  std::int64_t limit = 50;
};

// --- the organization's number (org_sms_numbers, sms_number_requests) ---

struct NumberRequestView {
  std::string area_code, note;
  std::string requested_by;  // the admin's email
  Time requested_at;
};
BULWARK_RESOURCE(NumberRequestView, area_code, note, requested_by, requested_at)

struct SmsSettingsView {
  std::optional<std::string> sms_number;
  bool sms_number_verified = false;
  std::optional<NumberRequestView> number_request;
  bool twilio_configured = false;
  bool payments_configured = false;
};
BULWARK_RESOURCE(SmsSettingsView, sms_number, sms_number_verified, number_request,
                 twilio_configured, payments_configured)

struct NumberRequest {  // POST /api/v1/org/sms/request
  std::optional<Text<3, 0>> area_code;
  std::optional<Text<500, 0>> note;
};
BULWARK_RESOURCE(NumberRequest, area_code, note)
inline void validate(const NumberRequest& r, resource::Problems& problems) {
  if (!r.area_code) return;
  const auto& a = r.area_code->value;
  if (!a.empty() && (a.size() != 3 || a.find_first_not_of("0123456789") != std::string::npos))
    problems.emplace("area_code", "must be three digits, e.g. 802");
}

// What the server can do, for the settings page and the outbox's reasons.
struct Providers {
  bool twilio_configured = false;
  bool payments_configured = false;
};

// --- Twilio's webhooks ---

struct InboundSms {
  std::string sid;
  std::string from, to;  // E.164
  std::string body;
};
struct InboundReply {
  bool stored = false;  // false: nobody's number, or a MessageSid seen before
  std::string reply;    // the text to answer with; empty: no reply
};

struct DeliveryStatus {
  std::string sid;
  std::string status;  // Twilio's MessageStatus
  std::optional<std::string> error_code;
};

}  // namespace bulwark::domain::messaging
