#include "domain/messaging/service.hpp"

#include <fmt/format.h>

#include <map>

#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/messaging/repo.hpp"
#include "domain/org/service.hpp"
#include "messaging/consent.hpp"
#include "messaging/outbox.hpp"
#include "messaging/sms_keywords.hpp"
#include "messaging/templates.hpp"

namespace bulwark::domain::messaging {

namespace sms = bulwark::messaging;

namespace {

ApiError no_such_customer() { return ApiError(ErrorCode::not_found, "no such customer"); }

// Why a queued message has not gone out yet, in words an office can act on.
std::optional<std::string> waiting_reason(const MessageRow& m, const Providers& providers,
                                          bool has_number) {
  if (m.status == "sending") return "being sent now";
  if (m.status != "queued") return std::nullopt;
  if (!providers.twilio_configured)
    return "Twilio is not configured on the server (BULWARK_TWILIO_ACCOUNT_SID, "
           "BULWARK_TWILIO_AUTH_TOKEN)";
  if (!has_number)
    return "this organization has no SMS number yet (Settings, or bulwark admin set-sms-number)";
  if (m.last_error == sms::kQuietHours)
    return "held for quiet hours: automated texts go out between 08:00 and 21:00, the "
           "organization's time";
  if (m.attempts > 0) return "retrying after an error: " + m.last_error.value_or("unknown");
  return "waiting for the sender";
}

MessageView view(const MessageRow& m, const Providers& providers, bool has_number) {
  return {m.id,
          m.customer_id,
          m.work_order_id,
          m.direction,
          m.kind,
          m.phone,
          m.body,
          m.status,
          m.attempts,
          m.last_error,
          waiting_reason(m, providers, has_number),
          resource::Time{m.created_at},
          resource::Time{m.updated_at}};
}

void record(store::OrgTx& tx, const audit::Actor& by, std::string action, std::string target_type,
            std::string target_id, std::vector<std::string> fields = {}) {
  audit::append(tx.connection(), by.entry(std::move(action), std::move(target_type),
                                          std::move(target_id), std::move(fields)));
}

// YES: the customer's next scheduled visit is confirmed. Returns the reply.
std::string confirm_next_visit(store::OrgTx& tx, const audit::Actor& by, std::int64_t customer,
                               std::int64_t now) {
  const auto visit = repo::next_visit(tx, customer, now);
  if (!visit) return "We found no upcoming visit to confirm. Call us if you need anything.";
  repo::confirm_visit(tx, visit->id, now);
  by.record(tx.connection(), "work_order.customer_confirmed", "work_order", visit->id,
            {"customer_confirmed_at"});
  const auto zone = org::time_zone(tx);
  return sms::render(sms::template_for(tx.connection(), tx.org_id(), "confirmed"),
                     {{"number", "WO-" + visit->number},
                      {"date", core::format_local_date(zone, visit->scheduled_start)},
                      {"time", core::format_local_time(zone, visit->scheduled_start)}});
}

// STOP or START from the number itself. Consent belongs to the number:
// recorded whoever texted, a customer or not (a deleted record, a number the
// office has not entered yet). False when it changed nothing.
bool record_texted_choice(store::OrgTx& tx, const audit::Actor& by, const InboundSms& sms,
                          std::int64_t inbound_id, bool opt_out, std::int64_t now) {
  auto& conn = tx.connection();
  if (!sms::record_texted_choice(conn, tx.org_id(), sms.from, opt_out, now)) return false;
  by.record(conn, opt_out ? "sms_consent.opted_out" : "sms_consent.opted_in", "sms_message",
            inbound_id, {"state"});
  for (auto id : sms::mirror_consent_to_customers(conn, tx.org_id(), sms.from, now))
    by.record(conn, opt_out ? "customer.sms_opted_out" : "customer.sms_opted_in", "customer", id,
              {"sms_opt_out"});
  return true;
}

}  // namespace

Outcome<resource::Items<SmsTemplateView>> templates(store::OrgTx& tx) {
  const auto custom = repo::custom_templates(tx);
  resource::Items<SmsTemplateView> out;
  for (const auto& k : sms::template_kinds()) {
    const auto it = custom.find(std::string(k.kind));
    const bool is_default = it == custom.end();
    out.items.push_back({std::string(k.kind), std::string(k.description),
                         is_default ? std::string(k.default_body) : it->second, is_default});
  }
  return out;
}

Outcome<SavedSmsTemplate> set_template(store::OrgTx& tx, const audit::Actor& by,
                                       std::string_view kind,
                                       const LateInput<SmsTemplateChange>& in, std::int64_t now) {
  if (!sms::find_template_kind(kind))
    return unexpected(ApiError(ErrorCode::not_found, "no such template"));
  if (!in) return unexpected(in.error());
  const auto& body = (*in)->value.body.value;
  repo::save_template(tx, kind, body, now);
  record(tx, by, "sms_template.updated", "sms_template", std::string(kind), {"body"});
  return SavedSmsTemplate{std::string(kind), body, false};
}

Outcome<void> require_customer(store::OrgTx& tx, std::int64_t id) {
  if (!repo::live_customer(tx, id)) return unexpected(no_such_customer());
  return {};
}

Outcome<MessagePage> messages(store::OrgTx& tx, const MessageQuery& q, const Providers& providers) {
  const bool has_number = repo::has_sms_number(tx);
  const auto rows = repo::messages(tx, q);
  const auto limit = static_cast<std::size_t>(q.limit);
  MessagePage page;
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i)
    page.items.push_back(view(rows[i], providers, has_number));
  if (rows.size() > limit) page.next_cursor = rows[limit - 1].id;
  return page;
}

Outcome<QueuedView> send(store::OrgTx& tx, const audit::Actor& by, std::int64_t customer,
                         const LateInput<NewMessage>& in, std::int64_t now) {
  const auto recipient = repo::live_customer(tx, customer);
  if (!recipient) return unexpected(no_such_customer());
  if (!in) return unexpected(in.error());
  const auto& m = (*in)->value;
  std::optional<std::int64_t> work_order;
  if (m.work_order_id) work_order = m.work_order_id->value;
  if (work_order && !repo::is_customers_work_order(tx, *work_order, customer))
    return unexpected(ApiError(ErrorCode::validation_failed, "some fields are invalid",
                               "invalid_fields",
                               {{"work_order_id", "is not a work order of this customer"}}));
  // The record's own opt-out, then the number's (sms_consent).
  if (!recipient->sms_opt_out && !recipient->phone)
    return unexpected(
        ApiError(ErrorCode::conflict, "this customer has no phone number", "no_phone"));
  if (recipient->sms_opt_out ||
      !sms::may_text(tx.connection(), tx.org_id(), *recipient->phone, false))
    return unexpected(ApiError(ErrorCode::conflict, "this customer has opted out of text messages",
                               "sms_opted_out"));
  const auto result = sms::enqueue(tx.connection(),
                                   {tx.org_id(),
                                    customer,
                                    work_order,
                                    "message",
                                    fmt::format("message:{}:{}", by.user_id.value_or(0), now),
                                    {{"body", m.body.value}}},
                                   now);
  by.record(tx.connection(), "sms.queued", "customer", customer, {"body"});
  return QueuedView{result == sms::QueueResult::queued ? "queued" : "not_queued"};
}

Outcome<SmsSettingsView> settings(store::OrgTx& tx, const Providers& providers) {
  SmsSettingsView out;
  if (const auto number = repo::sms_number(tx)) {
    out.sms_number = number->phone;
    out.sms_number_verified = number->verified;
  }
  if (const auto pending = repo::pending_request(tx))
    out.number_request = NumberRequestView{pending->area_code, pending->note, pending->requested_by,
                                           resource::Time{pending->requested_at}};
  out.twilio_configured = providers.twilio_configured;
  out.payments_configured = providers.payments_configured;
  return out;
}

Outcome<SmsSettingsView> request_number(store::OrgTx& tx, const audit::Actor& by,
                                        const NumberRequest& in, const Providers& providers,
                                        std::int64_t now) {
  repo::request_number(tx, by.user_id.value_or(0), in.area_code ? in.area_code->value : "",
                       in.note ? in.note->value : "", now);
  by.record(tx.connection(), "org.sms_number_requested", "org", tx.org_id(), {"area_code", "note"});
  return settings(tx, providers);
}

InboundReply receive(store::Database& db, audit::Actor by, const InboundSms& sms,
                     std::int64_t now) {
  const auto keyword = sms::classify_inbound(sms.body);
  return store::transact(db, [&](store::Connection& conn) {
    InboundReply out;
    const auto org = repo::org_of_number(conn, sms.to);
    if (!org) return out;  // nobody's number: not stored
    // Once per MessageSid: Twilio retries when it does not hear back in time.
    if (!repo::first_delivery(conn, sms.sid, now)) return out;
    out.stored = true;
    store::OrgTx tx(conn, *org);
    by.org_id = *org;
    const auto customer = repo::customer_by_phone(tx, sms.from);
    const auto work_order = customer ? repo::open_work_order(tx, *customer) : std::nullopt;
    const auto inbound =
        repo::insert_inbound(tx, customer, work_order, sms::keyword_name(keyword), sms, now);
    by.record(conn, "sms.received", "sms_message", inbound);
    switch (keyword) {
      case sms::Keyword::opt_out:
        // Twilio confirms its own keywords to the carrier's rules; a STOP in
        // other words ("stop please", "ＳＴＯＰ") is ours alone to confirm.
        if (record_texted_choice(tx, by, sms, inbound, true, now) &&
            !sms::twilio_handles_opt_out(sms.body))
          out.reply = sms::render(sms::template_for(conn, *org, "opted_out"), {});
        break;
      case sms::Keyword::opt_in: record_texted_choice(tx, by, sms, inbound, false, now); break;
      case sms::Keyword::help:
        out.reply = sms::render(sms::template_for(conn, *org, "help"), {});
        break;
      case sms::Keyword::confirm:
        if (customer) out.reply = confirm_next_visit(tx, by, *customer, now);
        break;
      case sms::Keyword::none: break;
    }
    // The org name goes in after rendering the template's other fields.
    if (!out.reply.empty()) out.reply = sms::render(out.reply, {{"org", repo::org_name(tx)}});
    return out;
  });
}

void record_delivery(store::Database& db, audit::Actor by, const DeliveryStatus& status,
                     std::int64_t now) {
  // Later states outrank earlier ones; the rest (queued, accepted, ...) add nothing.
  static const std::map<std::string, int, std::less<>> kRank = {
      {"sent", 1}, {"delivered", 2}, {"undelivered", 2}, {"failed", 2}};
  const auto rank = kRank.find(status.status);
  if (rank == kRank.end()) return;
  std::optional<std::string> error;
  if (status.error_code && !status.error_code->empty() && status.error_code->size() <= 10)
    error = "twilio_error_" + *status.error_code;
  store::transact(db, [&](store::Connection& conn) {
    const auto sent = repo::sent_message(conn, status.sid);
    if (!sent) return;
    const auto current = kRank.find(sent->status);
    if (rank->second <= (current == kRank.end() ? 0 : current->second)) return;
    store::OrgTx tx(conn, sent->org_id);
    by.org_id = sent->org_id;
    repo::set_delivery_status(tx, sent->id, status.status, error, now);
    by.record(conn, "sms.delivery_status", "sms_message", sent->id, {"status"});
  });
}

}  // namespace bulwark::domain::messaging
