#include "api/twilio_webhooks.hpp"

#include <map>

#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "domain/phone.hpp"
#include "domain/timestamps.hpp"
#include "identity/clock.hpp"
#include "logging/log.hpp"
#include "messaging/consent.hpp"
#include "messaging/sms_keywords.hpp"
#include "messaging/templates.hpp"
#include "store/database.hpp"
#include "webhooks/form_body.hpp"

namespace bulwark::api {

namespace {

using messaging::Keyword;
using store::Sql;
using store::Value;

webhooks::FormParams form_of(const app::RequestContext& ctx) {
  auto params = webhooks::parse_form(ctx.request.body);
  if (!params) throw ApiError(ErrorCode::bad_request, "the form body is malformed", "malformed_form");
  return std::move(*params);
}

std::string required(const webhooks::FormParams& params, std::string_view name,
                     std::size_t max_length) {
  auto v = webhooks::form_value(params, name);
  if (!v || v->empty() || v->size() > max_length)
    throw ApiError(ErrorCode::validation_failed, "a required parameter is missing or too long",
                   "invalid_parameter", {{std::string(name), "is required"}});
  return std::string(*v);
}

audit::Entry webhook_audit(const app::RequestContext& ctx, std::int64_t org, std::string action,
                           std::string target_type, std::string target_id,
                           std::vector<std::string> fields = {}) {
  auto e = ctx.webhook_audit_entry(org, std::move(action), std::move(target_type),
                                   std::move(target_id));
  e.fields = std::move(fields);
  return e;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// YES: the customer's next scheduled visit is confirmed. Returns the reply.
std::string confirm_next_visit(app::RequestContext& ctx, store::Connection& conn, std::int64_t org,
                               std::int64_t customer, std::int64_t now) {
  auto w = conn.query(Sql("SELECT id, number, scheduled_start FROM work_orders WHERE org_id = $1 "
                          "AND customer_id = $2 AND status = 'scheduled' AND scheduled_start >= $3 "
                          "ORDER BY scheduled_start, id LIMIT 1"),
                      {org, customer, now});
  if (w.empty()) return "We found no upcoming visit to confirm. Call us if you need anything.";
  const auto id = w.rows[0].integer(0);
  conn.query(Sql("UPDATE work_orders SET customer_confirmed_at = $3 WHERE org_id = $1 AND id = $2"),
             {org, id, now});
  audit::append(conn, webhook_audit(ctx, org, "work_order.customer_confirmed", "work_order",
                                    std::to_string(id), {"customer_confirmed_at"}));
  const auto when = domain::format_rfc3339(w.rows[0].integer(2));
  return messaging::render(messaging::template_for(conn, org, "confirmed"),
                           {{"number", "WO-" + w.rows[0].text(1)},
                            {"date", when.substr(0, 10)},
                            {"time", when.substr(11, 5)}});
}

}  // namespace

http::Response twiml_reply(std::string_view text) {
  http::Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/xml; charset=utf-8");
  r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  r.body += text.empty() ? std::string("<Response/>")
                         : "<Response><Message>" + xml_escape(text) + "</Message></Response>";
  return r;
}

http::Response twilio_inbound_sms(app::RequestContext& ctx) {
  const auto params = form_of(ctx);
  const auto sid = required(params, "MessageSid", 64);
  const auto from = domain::normalize_phone(required(params, "From", 32));
  const auto to = domain::normalize_phone(required(params, "To", 32));
  const auto body = std::string(webhooks::form_value(params, "Body").value_or(""));
  if (!from || !to)
    throw ApiError(ErrorCode::validation_failed, "From and To must be phone numbers",
                   "invalid_parameter", {{"From", "must be E.164"}});
  if (body.size() > 1600)
    throw ApiError(ErrorCode::validation_failed, "the message is too long", "invalid_parameter",
                   {{"Body", "at most 1600 characters"}});
  const auto keyword = messaging::classify_inbound(body);
  std::string reply;
  bool stored = false;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto org_row = conn.query(Sql("SELECT org_id FROM org_sms_numbers WHERE phone = $1"), {*to});
    if (org_row.empty()) return;  // nobody's number: not stored (logged below)
    const auto org = org_row.rows[0].integer(0);
    const auto now = identity::now_ms();
    // Once per MessageSid: Twilio retries when it does not hear back in time.
    if (conn.query(Sql("INSERT INTO webhook_events (provider, event_id, received_at) VALUES "
                       "('twilio', $1, $2) ON CONFLICT (provider, event_id) DO NOTHING RETURNING 1"),
                   {sid, now})
            .empty())
      return;
    stored = true;
    auto c = conn.query(Sql("SELECT id FROM customers WHERE org_id = $1 AND phone = $2 AND "
                            "deleted_at IS NULL ORDER BY id LIMIT 1"),
                        {org, *from});
    std::optional<std::int64_t> customer;
    if (!c.empty()) customer = c.rows[0].integer(0);
    std::optional<std::int64_t> work_order;
    if (customer) {
      auto w = conn.query(Sql("SELECT id FROM work_orders WHERE org_id = $1 AND customer_id = $2 "
                              "AND status NOT IN ('completed', 'closed', 'cancelled') "
                              "ORDER BY COALESCE(scheduled_start, due_at, created_at), id LIMIT 1"),
                          {org, *customer});
      if (!w.empty()) work_order = w.rows[0].integer(0);
    }
    auto m = conn.query(
        Sql("INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, phone, "
            "body, status, provider_sid, created_at, updated_at) VALUES ($1, $2, $3, 'inbound', "
            "$4, $5, $6, 'received', $7, $8, $8) RETURNING id"),
        {org, customer ? Value(*customer) : Value(nullptr),
         work_order ? Value(*work_order) : Value(nullptr),
         std::string(messaging::keyword_name(keyword)), *from, body, sid, now});
    audit::append(conn, webhook_audit(ctx, org, "sms.received", "sms_message",
                                      std::to_string(m.rows.at(0).integer(0))));
    // Consent belongs to the number: recorded whoever texted, a customer or
    // not (a deleted record, a number the office has not entered yet).
    auto record_choice = [&](bool opt_out) {
      if (!messaging::record_texted_choice(conn, org, *from, opt_out, now)) return false;
      const auto inbound_id = std::to_string(m.rows.at(0).integer(0));
      audit::append(conn, webhook_audit(ctx, org, opt_out ? "sms_consent.opted_out"
                                                          : "sms_consent.opted_in",
                                        "sms_message", inbound_id, {"state"}));
      for (auto id : messaging::mirror_consent_to_customers(conn, org, *from, now))
        audit::append(conn, webhook_audit(ctx, org,
                                          opt_out ? "customer.sms_opted_out"
                                                  : "customer.sms_opted_in",
                                          "customer", std::to_string(id), {"sms_opt_out"}));
      return true;
    };
    switch (keyword) {
      case Keyword::opt_out:
        // Twilio confirms its own keywords to the carrier's rules; a STOP in
        // other words ("stop please", "ＳＴＯＰ") is ours alone to confirm.
        if (record_choice(true) && !messaging::twilio_handles_opt_out(body))
          reply = messaging::render(messaging::template_for(conn, org, "opted_out"), {});
        break;
      case Keyword::opt_in: record_choice(false); break;
      case Keyword::help:
        reply = messaging::render(messaging::template_for(conn, org, "help"), {});
        break;
      case Keyword::confirm:
        if (customer) reply = confirm_next_visit(ctx, conn, org, *customer, now);
        break;
      case Keyword::none: break;
    }
    if (!reply.empty()) {
      // The org name goes in after rendering the template's other fields.
      auto o = conn.query(Sql("SELECT name FROM orgs WHERE id = $1"), {org});
      reply = messaging::render(reply, {{"org", o.empty() ? "" : o.rows[0].text(0)}});
    }
  });
  if (!stored)
    logging::info("inbound sms not stored", {{logging::Field::client_ip, ctx.request.client_ip},
                                             {logging::Field::reason,
                                              std::string_view("unknown_number_or_duplicate")}});
  return twiml_reply(reply);
}

http::Response twilio_message_status(app::RequestContext& ctx) {
  const auto params = form_of(ctx);
  const auto sid = required(params, "MessageSid", 64);
  const auto status = required(params, "MessageStatus", 20);
  // Later states outrank earlier ones; the rest (queued, accepted, ...) add nothing.
  static const std::map<std::string, int, std::less<>> kRank = {
      {"sent", 1}, {"delivered", 2}, {"undelivered", 2}, {"failed", 2}};
  auto rank = kRank.find(status);
  if (rank == kRank.end()) return twiml_reply("");
  const auto error_code = webhooks::form_value(params, "ErrorCode");
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto m = conn.query(Sql("SELECT id, org_id, status FROM sms_messages WHERE provider_sid = $1 "
                            "AND direction = 'outbound'"),
                        {sid});
    if (m.empty()) return;
    const auto current = kRank.find(m.rows[0].text(2));
    const int current_rank = current == kRank.end() ? 0 : current->second;
    if (rank->second <= current_rank) return;
    const auto now = identity::now_ms();
    std::string error;
    if (error_code && !error_code->empty() && error_code->size() <= 10)
      error = "twilio_error_" + std::string(*error_code);
    conn.query(Sql("UPDATE sms_messages SET status = $2, last_error = $3, updated_at = $4 "
                   "WHERE id = $1"),
               {m.rows[0].integer(0), status, error.empty() ? Value(nullptr) : Value(error), now});
    audit::append(conn, webhook_audit(ctx, m.rows[0].integer(1), "sms.delivery_status",
                                      "sms_message", std::to_string(m.rows[0].integer(0)),
                                      {"status"}));
  });
  return twiml_reply("");
}

}  // namespace bulwark::api
