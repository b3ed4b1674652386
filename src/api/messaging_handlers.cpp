#include "api/messaging_handlers.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "api/query_params.hpp"
#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "domain/phone.hpp"
#include "domain/timestamps.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "messaging/consent.hpp"
#include "messaging/outbox.hpp"
#include "messaging/templates.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
using store::Value;
namespace json = boost::json;

constexpr Sql kMessageColumns(
    "SELECT id, customer_id, work_order_id, direction, kind, phone, body, status, attempts, "
    "last_error, created_at, updated_at FROM sms_messages WHERE org_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR customer_id = CAST($2 AS BIGINT)) "
    "AND (CAST($3 AS TEXT) IS NULL OR status = CAST($3 AS TEXT)) "
    "AND (CAST($4 AS TEXT) IS NULL OR direction = CAST($4 AS TEXT)) "
    "AND (CAST($5 AS BIGINT) IS NULL OR id < CAST($5 AS BIGINT)) ORDER BY id DESC LIMIT $6");

json::value nullable_int(const store::Row& r, std::size_t i) {
  return r.is_null(i) ? json::value(nullptr) : json::value(r.integer(i));
}

// Why a queued message has not gone out yet, in words an office can act on.
json::value waiting_reason(const store::Row& r, const config::Config& config, bool has_number) {
  const auto status = r.text(7);
  if (status == "sending") return "being sent now";
  if (status != "queued") return nullptr;
  if (!config.twilio_configured())
    return "Twilio is not configured on the server (BULWARK_TWILIO_ACCOUNT_SID, "
           "BULWARK_TWILIO_AUTH_TOKEN)";
  if (!has_number) return "this organization has no SMS number yet (Settings, or bulwark admin set-sms-number)";
  if (r.integer(8) > 0)
    return json::value(std::string("retrying after an error: ") +
                       (r.is_null(9) ? std::string("unknown") : r.text(9)));
  return "waiting for the sender";
}

bool org_has_number(store::Connection& conn, std::int64_t org) {
  return !conn.query(Sql("SELECT 1 FROM org_sms_numbers WHERE org_id = $1"), {org}).empty();
}

json::object message_view(const store::Row& r, const config::Config& config, bool has_number) {
  return {{"id", r.integer(0)},
          {"customer_id", nullable_int(r, 1)},
          {"work_order_id", nullable_int(r, 2)},
          {"direction", r.text(3)},
          {"kind", r.text(4)},
          {"phone", r.text(5)},
          {"body", r.text(6)},
          {"status", r.text(7)},
          {"attempts", r.integer(8)},
          {"last_error", r.is_null(9) ? json::value(nullptr) : json::value(r.text(9))},
          {"waiting_reason", waiting_reason(r, config, has_number)},
          {"created_at", domain::format_rfc3339(r.integer(10))},
          {"updated_at", domain::format_rfc3339(r.integer(11))}};
}

http::Response message_page(app::RequestContext& ctx, std::optional<std::int64_t> customer,
                            const QueryParams& q) {
  const auto status = q.text("status", 20);
  const auto direction = q.text("direction", 20);
  const auto before = q.integer("cursor", 1, INT64_MAX);
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  json::array items;
  json::value next = nullptr;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    const bool has_number = org_has_number(conn, ctx.who().org_id);
    auto rows = conn.query(kMessageColumns,
                           {ctx.who().org_id, customer ? Value(*customer) : Value(nullptr),
                            status ? Value(*status) : Value(nullptr),
                            direction ? Value(*direction) : Value(nullptr),
                            before ? Value(*before) : Value(nullptr), limit + 1});
    for (std::size_t i = 0; i < rows.rows.size() && i < std::size_t(limit); ++i)
      items.push_back(message_view(rows.rows[i], ctx.services.config, has_number));
    if (rows.rows.size() > std::size_t(limit)) next = rows.rows[limit - 1].integer(0);
  });
  return app::json_response(200, {{"items", std::move(items)}, {"next_cursor", next}});
}

void require_customer(store::Connection& conn, std::int64_t org, std::int64_t id) {
  if (conn.query(Sql("SELECT 1 FROM customers WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL"),
                 {org, id})
          .empty())
    throw ApiError(ErrorCode::not_found, "no such customer");
}

}  // namespace

http::Response list_sms_templates(app::RequestContext& ctx) {
  json::array items;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    for (const auto& k : messaging::template_kinds()) {
      auto custom = conn.query(Sql("SELECT body FROM sms_templates WHERE org_id = $1 AND kind = $2"),
                               {ctx.who().org_id, std::string(k.kind)});
      items.push_back({{"kind", k.kind},
                       {"description", k.description},
                       {"body", custom.empty() ? std::string(k.default_body) : custom.rows[0].text(0)},
                       {"is_default", custom.empty()}});
    }
  });
  return app::json_response(200, {{"items", std::move(items)}});
}

http::Response set_sms_template(app::RequestContext& ctx) {
  const auto kind = ctx.params.text("kind");
  const auto* known = messaging::find_template_kind(kind);
  if (!known) throw ApiError(ErrorCode::not_found, "no such template");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"body"});
  auto text = in.required_string("body", messaging::kMaxTemplateLength);
  if (auto problem = messaging::template_problem(text)) in.fail("body", *problem);
  in.finish();
  ctx.services.db.transaction([&](store::Connection& conn) {
    conn.query(Sql("INSERT INTO sms_templates (org_id, kind, body, updated_at) VALUES ($1, $2, $3, "
                   "$4) ON CONFLICT (org_id, kind) DO UPDATE SET body = excluded.body, "
                   "updated_at = excluded.updated_at"),
               {ctx.who().org_id, std::string(kind), text, identity::now_ms()});
    auto entry = ctx.audit_entry("sms_template.updated", "sms_template", std::string(kind));
    entry.fields = {"body"};
    audit::append(conn, entry);
  });
  return app::json_response(200, {{"kind", kind}, {"body", text}, {"is_default", false}});
}

http::Response customer_messages(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"cursor", "limit"});
  const auto id = ctx.params.integer("id");
  ctx.services.db.with_connection(
      [&](store::Connection& conn) { require_customer(conn, ctx.who().org_id, id); });
  return message_page(ctx, id, q);
}

http::Response send_customer_message(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"body", "work_order_id"});
  auto text = in.required_string("body", 1000);
  auto work_order = in.optional_int("work_order_id", 1, INT64_MAX);
  messaging::QueueResult result{};
  ctx.services.db.transaction([&](store::Connection& conn) {
    require_customer(conn, ctx.who().org_id, id);
    if (work_order && conn.query(Sql("SELECT 1 FROM work_orders WHERE org_id = $1 AND id = $2 AND "
                                     "customer_id = $3"),
                                 {ctx.who().org_id, *work_order, id})
                          .empty())
      in.fail("work_order_id", "is not a work order of this customer");
    in.finish();
    auto opted = conn.query(Sql("SELECT sms_opt_out, phone FROM customers WHERE org_id = $1 AND id = $2"),
                            {ctx.who().org_id, id});
    // The record's own opt-out, then the number's (sms_consent).
    const bool record_opted_out = opted.rows[0].integer(0) != 0;
    if (!record_opted_out && opted.rows[0].is_null(1))
      throw ApiError(ErrorCode::conflict, "this customer has no phone number", "no_phone");
    if (record_opted_out ||
        !messaging::may_text(conn, ctx.who().org_id, opted.rows[0].text(1), false))
      throw ApiError(ErrorCode::conflict, "this customer has opted out of text messages",
                     "sms_opted_out");
    const auto now = identity::now_ms();
    result = messaging::enqueue(
        conn,
        {ctx.who().org_id, id, work_order, "message",
         fmt::format("message:{}:{}", ctx.who().user_id, now), {{"body", text}}},
        now);
    auto entry = ctx.audit_entry("sms.queued", "customer", std::to_string(id));
    entry.fields = {"body"};
    audit::append(conn, entry);
  });
  return app::json_response(202, {{"status", result == messaging::QueueResult::queued ? "queued"
                                                                                        : "not_queued"}});
}

http::Response list_messages(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "direction", "cursor", "limit"});
  return message_page(ctx, std::nullopt, q);
}

http::Response technician_on_the_way(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.params.integer("id");
  messaging::QueueResult result{};
  ctx.services.db.transaction([&](store::Connection& conn) {
    // Technicians: only their own work orders (404 otherwise, like every read).
    auto w = conn.query(Sql("SELECT status FROM work_orders WHERE org_id = $1 AND id = $2 AND "
                            "(CAST($3 AS BIGINT) IS NULL OR assignee_id = CAST($3 AS BIGINT))"),
                        {who.org_id, id,
                         who.role == security::Role::technician ? Value(who.user_id) : Value(nullptr)});
    if (w.empty()) throw ApiError(ErrorCode::not_found, "no such work order");
    if (w.rows[0].text(0) != "scheduled" && w.rows[0].text(0) != "open")
      throw ApiError(ErrorCode::conflict, "the work order is not waiting for a visit", "not_scheduled");
    const auto now = identity::now_ms();
    // One per work order per hour: a double tap does not text the customer twice.
    result = messaging::enqueue_for_work_order(conn, who.org_id, id, "on_the_way",
                                               fmt::format("on_the_way:{}:{}", id, now / 3'600'000),
                                               now);
    audit::append(conn, ctx.audit_entry("work_order.on_the_way", "work_order", std::to_string(id)));
  });
  const char* status = "queued";
  switch (result) {
    case messaging::QueueResult::queued: break;
    case messaging::QueueResult::duplicate: status = "already_sent"; break;
    case messaging::QueueResult::suppressed: status = "customer_opted_out"; break;
    case messaging::QueueResult::no_phone: status = "no_phone"; break;
    case messaging::QueueResult::no_schedule: status = "no_schedule"; break;
    case messaging::QueueResult::not_notified: status = "not_notified"; break;
  }
  return app::json_response(202, {{"status", status}});
}

}  // namespace bulwark::api
