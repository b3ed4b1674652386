#include "messaging/outbox.hpp"

#include <fmt/format.h>

#include "domain/timestamps.hpp"
#include "messaging/consent.hpp"
#include "messaging/templates.hpp"

namespace bulwark::messaging {

namespace {

using store::Sql;
using store::Value;

std::string org_name(store::Connection& conn, std::int64_t org_id) {
  auto r = conn.query(Sql("SELECT name FROM orgs WHERE id = $1"), {org_id});
  return r.empty() ? std::string() : r.rows[0].text(0);
}

bool is_visit_text(std::string_view kind) {
  return kind == "confirmation" || kind == "reminder" || kind == "on_the_way" ||
         kind == "completion";
}

}  // namespace

std::string format_amount(std::int64_t cents, std::string_view currency) {
  const bool negative = cents < 0;
  const auto abs = negative ? -cents : cents;
  const std::string digits = std::to_string(abs / 100);
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole.push_back(',');
    whole.push_back(digits[i]);
  }
  const auto symbol = currency == "USD" ? std::string("$") : std::string(currency) + " ";
  return fmt::format("{}{}{}.{:02}", negative ? "-" : "", symbol, whole, abs % 100);
}

QueueResult enqueue(store::Connection& conn, Outbound m, std::int64_t now_ms) {
  auto c = conn.query(Sql("SELECT phone, sms_opt_out, name FROM customers WHERE org_id = $1 AND "
                          "id = $2 AND deleted_at IS NULL"),
                      {m.org_id, m.customer_id});
  if (c.empty() || c.rows[0].is_null(0) || c.rows[0].text(0).empty()) return QueueResult::no_phone;
  // The number's consent, whichever record asks (sms_consent).
  const bool opted_out = !may_text(conn, m.org_id, c.rows[0].text(0), c.rows[0].integer(1) != 0);
  m.vars.emplace("org", org_name(conn, m.org_id));
  m.vars.emplace("customer", c.rows[0].text(2));
  const auto body = render(template_for(conn, m.org_id, m.kind), m.vars);
  auto r = conn.query(
      Sql("INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, phone, "
          "body, status, idempotency_key, last_error, next_attempt_at, created_at, updated_at) "
          "VALUES ($1, $2, $3, 'outbound', $4, $5, $6, $7, $8, $9, $10, $10, $10) "
          "ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id"),
      {m.org_id, m.customer_id, m.work_order_id ? Value(*m.work_order_id) : Value(nullptr), m.kind,
       c.rows[0].text(0), body, std::string(opted_out ? "suppressed" : "queued"),
       m.idempotency_key, opted_out ? Value(std::string("customer_opted_out")) : Value(nullptr),
       now_ms});
  if (r.empty()) return QueueResult::duplicate;
  return opted_out ? QueueResult::suppressed : QueueResult::queued;
}

QueueResult enqueue_for_work_order(store::Connection& conn, std::int64_t org_id,
                                   std::int64_t work_order_id, std::string kind,
                                   std::string idempotency_key, std::int64_t now_ms,
                                   std::map<std::string, std::string> extra_vars) {
  auto w = conn.query(Sql("SELECT customer_id, number, scheduled_start, notify_customer FROM "
                          "work_orders WHERE org_id = $1 AND id = $2"),
                      {org_id, work_order_id});
  // notify_customer governs the automatic visit texts; a payment link is
  // sent because someone asked for it.
  if (!w.empty() && w.rows[0].integer(3) == 0 && is_visit_text(kind))
    return QueueResult::not_notified;
  if (w.empty() || w.rows[0].is_null(0)) return QueueResult::no_phone;
  Outbound m{org_id, w.rows[0].integer(0), work_order_id, std::move(kind),
             std::move(idempotency_key), std::move(extra_vars)};
  m.vars.emplace("number", "WO-" + w.rows[0].text(1));
  if (!w.rows[0].is_null(2)) {
    const auto when = domain::format_rfc3339(w.rows[0].integer(2));  // 2026-11-23T14:30:00Z
    m.vars.emplace("date", when.substr(0, 10));
    m.vars.emplace("time", when.substr(11, 5));
  } else if (!m.vars.contains("date")) {
    const auto text = template_for(conn, org_id, m.kind);
    if (text.find("{date}") != std::string::npos || text.find("{time}") != std::string::npos)
      return QueueResult::no_schedule;
  }
  return enqueue(conn, std::move(m), now_ms);
}

int supersede_visit_messages(store::Connection& conn, std::int64_t org_id,
                             std::int64_t work_order_id, std::string_view reason,
                             std::int64_t now_ms) {
  auto r = conn.query(Sql("UPDATE sms_messages SET status = 'superseded', last_error = $3, "
                          "claimed_until = NULL, updated_at = $4 WHERE org_id = $1 AND "
                          "work_order_id = $2 AND direction = 'outbound' AND kind IN "
                          "('confirmation', 'reminder') AND (status = 'queued' OR "
                          "(status = 'sending' AND claimed_until < $4))"),
                      {org_id, work_order_id, std::string(reason), now_ms});
  return static_cast<int>(r.affected);
}

int enqueue_due_reminders(store::Database& db, std::int64_t now_ms) {
  constexpr std::int64_t kDay = 86'400'000;
  int queued = 0;
  auto due = db.query(Sql("SELECT w.org_id, w.id, w.scheduled_start FROM work_orders w WHERE "
                          "w.status = 'scheduled' AND w.customer_id IS NOT NULL AND "
                          "w.notify_customer = 1 AND "
                          "w.scheduled_start > $1 AND w.scheduled_start <= $2 AND EXISTS (SELECT 1 FROM "
                          "customers c WHERE c.org_id = w.org_id AND c.id = w.customer_id AND "
                          "c.phone IS NOT NULL AND c.deleted_at IS NULL) AND NOT EXISTS ("
                          "SELECT 1 FROM sms_messages m WHERE m.org_id = w.org_id AND "
                          "m.idempotency_key = 'reminder:' || CAST(w.id AS TEXT) || ':' || "
                          "CAST(w.scheduled_start AS TEXT)) ORDER BY w.id LIMIT 500"),
                      {now_ms, now_ms + kDay});
  for (const auto& row : due.rows) {
    // One reminder per (work order, appointment time): rescheduling earns a new one.
    const auto key = fmt::format("reminder:{}:{}", row.integer(1), row.integer(2));
    db.transaction([&](store::Connection& conn) {
      if (enqueue_for_work_order(conn, row.integer(0), row.integer(1), "reminder", key, now_ms) ==
          QueueResult::queued)
        ++queued;
    });
  }
  return queued;
}

}  // namespace bulwark::messaging
