#pragma once
// Service-plan reminders (issue 14 item 8): on or after a plan's remind_on
// (its due date minus remind_days_before, in the organization's dates), a
// text to the site's customer with a link to ask for a visit (the site's
// request link, made when it has none). These are marketing texts: only a
// customer whose latest marketing consent for texts is "granted" gets one,
// a number that texted STOP gets none (the row is 'suppressed'), and the
// sender holds them outside 08:00-21:00 local time (quiet hours). One
// reminder per plan and due date, however many instances run this.
#include <cstdint>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::domain::service_plans {

// Returns how many reminders were queued (suppressed ones not counted).
int enqueue_service_reminders(store::Database& db, std::string_view public_url, std::int64_t now);

}  // namespace bulwark::domain::service_plans
