// "On the way": the technician setting off texts the customer. Only a
// scheduled visit has an appointment to announce, and the answer tells the
// technician truthfully whether a text will reach the customer, so nobody
// in a van believes a customer was told when they were not.
//
// The text is not held in quiet hours (outbox.hpp: a person sends it for a
// visit about to happen), so the only reasons it does not go out are the
// customer's (no phone, opted out, texts turned off for the work order) and
// the organization's (Twilio not configured, no SMS number).
#include <fmt/format.h>

#include "domain/messaging/repo.hpp"
#include "domain/messaging/service.hpp"
#include "messaging/outbox.hpp"

namespace bulwark::domain::messaging {

namespace sms = bulwark::messaging;

namespace {

OnTheWayView outcome(sms::QueueResult r, bool can_send) {
  switch (r) {
    case sms::QueueResult::queued:
      if (!can_send)
        return {"queued", false,
                "No text will go out now: this organization cannot send texts yet (no SMS "
                "number or SMS provider set up). Call the customer."};
      return {"queued", true, "A text telling the customer you are on the way is being sent."};
    case sms::QueueResult::duplicate:
      return {"already_sent", false,
              "No new text: the customer was already told you are on the way within the last "
              "hour."};
    case sms::QueueResult::suppressed:
      return {"customer_opted_out", false,
              "No text will be sent: the customer opted out of texts (STOP). Call them if "
              "needed."};
    case sms::QueueResult::no_phone:
      return {"no_phone", false, "No text will be sent: the customer has no phone number on file."};
    case sms::QueueResult::no_schedule:
      return {"no_schedule", false, "No text will be sent: the visit has no scheduled time."};
    case sms::QueueResult::not_notified:
      return {"not_notified", false,
              "No text will be sent: texts to the customer are turned off for this work order."};
  }
  return {"queued", false, "The request was accepted."};
}

}  // namespace

Outcome<OnTheWayView> on_the_way(store::OrgTx& tx, const audit::Actor& by, std::int64_t work_order,
                                 std::optional<std::int64_t> only_assignee,
                                 const Providers& providers, std::int64_t now) {
  const auto status = repo::work_order_status(tx, work_order, only_assignee);
  if (!status) return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  if (*status == "open")
    return unexpected(ApiError(ErrorCode::conflict,
                               "the work order has no scheduled visit yet: schedule it first",
                               "not_scheduled"));
  if (*status != "scheduled")
    return unexpected(ApiError(ErrorCode::conflict, "the work order is not waiting for a visit",
                               "not_scheduled"));
  // One per work order per hour: a double tap does not text the customer twice.
  const auto result = sms::enqueue_for_work_order(
      tx.connection(), tx.org_id(), work_order, "on_the_way",
      fmt::format("on_the_way:{}:{}", work_order, now / 3'600'000), now);
  by.record(tx.connection(), "work_order.on_the_way", "work_order", work_order);
  return outcome(result, providers.twilio_configured && repo::has_sms_number(tx));
}

}  // namespace bulwark::domain::messaging
