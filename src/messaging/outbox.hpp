#pragma once
// Queuing outbound SMS. Every function here runs inside the caller's
// transaction, so a message exists if and only if the change that caused it
// committed. The idempotency key names the cause ("confirmation:42:v3"): the
// same cause never queues twice. A customer who opted out gets a row with
// status 'suppressed' (the thread shows why nothing went out) and is never
// sent anything; the sender checks again before each send.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace bulwark::messaging {

struct Outbound {
  std::int64_t org_id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> work_order_id;
  std::string kind;             // a template kind
  std::string idempotency_key;  // unique per org
  std::map<std::string, std::string> vars;
};

// no_schedule: the text names the visit's date and the work order has none.
// not_notified: a visit text (confirmation, reminder, on the way, completion)
// for a work order marked notify_customer = 0 (recorded after the fact, or
// demo data), which sends none.
enum class QueueResult { queued, suppressed, no_phone, no_schedule, duplicate, not_notified };

// Renders the org's template and queues it for the customer's phone.
QueueResult enqueue(store::Connection& conn, Outbound message, std::int64_t now_ms);

// The same, for a message about a work order: fills {number}, {date},
// {time}, {customer} from it. No customer on the work order: no_phone.
QueueResult enqueue_for_work_order(store::Connection& conn, std::int64_t org_id,
                                   std::int64_t work_order_id, std::string kind,
                                   std::string idempotency_key, std::int64_t now_ms,
                                   std::map<std::string, std::string> extra_vars = {});

// Withdraws every unsent confirmation and reminder of a work order (status
// 'superseded', never sent) because a newer confirmation or a cancellation
// replaces them. Unsent: queued, which includes failed-and-retrying rows
// waiting out their back-off, or claimed by a sender whose lease ran out. A
// row under a live lease is being posted right now and is left alone.
// Returns how many were withdrawn.
int supersede_visit_messages(store::Connection& conn, std::int64_t org_id,
                             std::int64_t work_order_id, std::string_view reason,
                             std::int64_t now_ms);

// Reminders the day before, in each organization's time zone: visits from
// now to the end of tomorrow (local) that have none yet.
int enqueue_due_reminders(store::Database& db, std::int64_t now_ms);
// The same for the organizations of one time zone.
int enqueue_due_reminders_in(store::Database& db, const std::string& zone, std::int64_t now_ms);

// Quiet hours: texts nobody chose to send at that moment (confirmation,
// reminder, completion, a service plan's reminder) are held by the sender (sms_sender.cpp) outside
// 08:00-21:00 in the organization's time zone, back in the queue with
// last_error "quiet_hours" until the window opens; never dropped. Texts a person
// sends on purpose (the office's messages, a payment link, the technician's
// "on the way" for a visit about to happen) and replies to the customer's
// own texts (YES, HELP, STOP) go out at once.
bool held_in_quiet_hours(std::string_view kind);
inline constexpr std::string_view kQuietHours = "quiet_hours";  // last_error of a held text

// "$1,234.50" from integer cents (USD is the only currency today).
std::string format_amount(std::int64_t cents, std::string_view currency);

}  // namespace bulwark::messaging
