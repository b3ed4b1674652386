#pragma once
// Service-plan reminders (issue 14 item 8): on or after a plan's remind_on
// (its due date minus remind_days_before, in the organization's dates), a
// text and/or an email to the site's customer with a link to ask for a
// visit (the site's request link, made when it has none). These are
// marketing: a text only to a customer whose latest marketing consent for
// texts is "granted" (a number that texted STOP gets none: the row is
// 'suppressed'; the sender holds texts outside 08:00-21:00 local time), an
// email only to one whose latest consent for email is "granted" and who has
// an address (CAN-SPAM: reminder_mail.hpp, one-click unsubscribe). Both are
// written in the transaction that marks the plan reminded, and
// service_plans.reminded_by records the channels that went. One reminder per
// plan and due date, however many instances run this.
#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::domain::service_plans {

// The channels this server can send by (Twilio, SMTP configured). A plan
// whose customer agreed only to a channel that is off waits, unmarked, until
// it is on.
struct ReminderChannels {
  bool sms = false, email = false;
};

// Returns how many reminders were queued (suppressed ones not counted).
int enqueue_service_reminders(store::Database& db, std::string_view public_url,
                              ReminderChannels channels, std::int64_t now);

}  // namespace bulwark::domain::service_plans
