#pragma once
// The rules of customer messaging, callable from a unit test with no HTTP.
// The office's side runs inside the caller's organization-scoped transaction
// and audits what it changes (field names, never values). Twilio's webhooks
// find their organization first (the receiving number, the message's id),
// so they take the database and open the transaction themselves.
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/messaging/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::messaging {

template <class T>
using Outcome = Expected<T, ApiError>;
template <class T>
using LateInput = Expected<const resource::Read<T>*, ApiError>;

// --- texts ---
Outcome<resource::Items<SmsTemplateView>> templates(store::OrgTx& tx);
// An unknown kind is a 404 whatever the body says.
Outcome<SavedSmsTemplate> set_template(store::OrgTx& tx, const audit::Actor& by,
                                       std::string_view kind,
                                       const LateInput<SmsTemplateChange>& in, std::int64_t now);

// --- threads ---
Outcome<void> require_customer(store::OrgTx& tx, std::int64_t id);
Outcome<MessagePage> messages(store::OrgTx& tx, const MessageQuery& q, const Providers& providers);
// A message typed by the office: never to a number that opted out. The body
// is checked after the customer is found.
Outcome<QueuedView> send(store::OrgTx& tx, const audit::Actor& by, std::int64_t customer,
                         const LateInput<NewMessage>& in, std::int64_t now);
// "Your technician is on the way", once per work order per hour, for a
// scheduled visit only (409 not_scheduled otherwise: an open work order has
// no appointment to announce). With `only_assignee`, another technician's
// work order is a 404. The answer says whether a text will really go out
// (on_the_way.cpp).
Outcome<OnTheWayView> on_the_way(store::OrgTx& tx, const audit::Actor& by, std::int64_t work_order,
                                 std::optional<std::int64_t> only_assignee,
                                 const Providers& providers, std::int64_t now);

// --- the organization's number ---
Outcome<SmsSettingsView> settings(store::OrgTx& tx, const Providers& providers);
// An admin asks the operator for a number (optionally in an area code); the
// operator sees it in `bulwark admin sms-numbers`.
Outcome<SmsSettingsView> request_number(store::OrgTx& tx, const audit::Actor& by,
                                        const NumberRequest& in, const Providers& providers,
                                        std::int64_t now);

// --- Twilio's webhooks (signature already verified) ---
// `by` is the webhook's actor without an organization: the receiving number
// names it. Opt-out words opt the number out, START back in, HELP gets the
// help text, YES confirms the next visit; every message joins the thread.
// Each MessageSid is handled once.
InboundReply receive(store::Database& db, audit::Actor by, const InboundSms& sms, std::int64_t now);
// Moves an outbound message forward, never backward (callbacks arrive out of order).
void record_delivery(store::Database& db, audit::Actor by, const DeliveryStatus& status,
                     std::int64_t now);

}  // namespace bulwark::domain::messaging
