#include "messaging/outbox.hpp"

#include <fmt/format.h>

#include <boost/describe/class.hpp>

#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "messaging/consent.hpp"
#include "messaging/sealed_message.hpp"
#include "messaging/templates.hpp"
#include "store/org_tx.hpp"

namespace bulwark::messaging {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr OrgSql kRecipient(
    "SELECT phone, sms_opt_out, name, row_key FROM customers WHERE org_id = $1 AND id = $2 "
    "AND deleted_at IS NULL");
constexpr OrgSql kQueue(
    "INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, phone, "
    "body, status, idempotency_key, last_error, next_attempt_at, created_at, updated_at, "
    "row_key) VALUES ($1, $2, $3, 'outbound', $4, $5, $6, $7, $8, $9, $10, $10, $10, $11) "
    "ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id");
constexpr OrgSql kWorkOrder(
    "SELECT customer_id, number, scheduled_start, notify_customer FROM work_orders "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSupersede(
    "UPDATE sms_messages SET status = 'superseded', last_error = $3, claimed_until = NULL, "
    "updated_at = $4 WHERE org_id = $1 AND work_order_id = $2 AND direction = 'outbound' "
    "AND kind IN ('confirmation', 'reminder') AND (status = 'queued' OR "
    "(status = 'sending' AND claimed_until < $4))");
// The time zones organizations are in: reminders are found zone by zone.
constexpr CrossTenantSql kOrgZones("SELECT DISTINCT time_zone FROM orgs ORDER BY time_zone");
// The visits, of every organization in time zone $3, from now until the end
// of tomorrow (local), that have no reminder yet.
constexpr CrossTenantSql kDueReminders(
    "SELECT w.org_id, w.id, w.scheduled_start FROM work_orders w WHERE "
    "w.org_id IN (SELECT o.id FROM orgs o WHERE o.time_zone = $3) AND "
    "w.status = 'scheduled' AND w.customer_id IS NOT NULL AND w.notify_customer = 1 AND "
    "w.scheduled_start > $1 AND w.scheduled_start <= $2 AND EXISTS (SELECT 1 FROM "
    "customers c WHERE c.org_id = w.org_id AND c.id = w.customer_id AND "
    "c.phone IS NOT NULL AND c.deleted_at IS NULL) AND NOT EXISTS ("
    "SELECT 1 FROM sms_messages m WHERE m.org_id = w.org_id AND "
    "m.idempotency_key = 'reminder:' || CAST(w.id AS TEXT) || ':' || "
    "CAST(w.scheduled_start AS TEXT)) ORDER BY w.id LIMIT 500");

struct NameRow {
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NameRow, (), (name))
// phone and name are sealed with row_key (customers' personal columns).
struct RecipientRow {
  std::optional<std::string> phone;
  bool sms_opt_out = false;
  std::string name;
  std::string row_key;
};
BOOST_DESCRIBE_STRUCT(RecipientRow, (), (phone, sms_opt_out, name, row_key))
struct WorkOrderRow {
  std::optional<std::int64_t> customer_id;
  std::string number;
  std::optional<std::int64_t> scheduled_start;
  bool notify_customer = true;
};
BOOST_DESCRIBE_STRUCT(WorkOrderRow, (), (customer_id, number, scheduled_start, notify_customer))
struct ZoneRow {
  std::string time_zone;
};
BOOST_DESCRIBE_STRUCT(ZoneRow, (), (time_zone))
struct DueRow {
  std::int64_t org_id = 0, id = 0, scheduled_start = 0;
};
BOOST_DESCRIBE_STRUCT(DueRow, (), (org_id, id, scheduled_start))

std::string org_name(store::OrgTx& tx) {
  auto r = tx.one<NameRow>(kOrgName);
  return r ? r->name : std::string();
}

bool is_visit_text(std::string_view kind) {
  return kind == "confirmation" || kind == "reminder" || kind == "on_the_way" ||
         kind == "completion";
}

}  // namespace

bool held_in_quiet_hours(std::string_view kind) {
  return kind == "confirmation" || kind == "reminder" || kind == "completion" ||
         kind == "service_reminder";
}

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
  store::OrgTx tx(conn, m.org_id);
  auto c = tx.one<RecipientRow>(kRecipient, m.customer_id);
  if (!c || !c->phone || c->phone->empty()) return QueueResult::no_phone;
  *c->phone = tx.open("customers", "phone", c->row_key, *c->phone);
  c->name = tx.open("customers", "name", c->row_key, c->name);
  // The number's consent, whichever record asks (sms_consent).
  const bool opted_out = !may_text(conn, m.org_id, *c->phone, c->sms_opt_out);
  m.vars.emplace("org", org_name(tx));
  m.vars.emplace("customer", c->name);
  const auto body = render(template_for(conn, m.org_id, m.kind), m.vars);
  const auto sealed = seal_message(tx, *c->phone, body);
  const auto r = tx.run(kQueue, m.customer_id, m.work_order_id, m.kind, sealed.phone, sealed.body,
                        std::string_view(opted_out ? "suppressed" : "queued"), m.idempotency_key,
                        opted_out ? std::optional<std::string>("customer_opted_out") : std::nullopt,
                        now_ms, sealed.row_key);
  if (r.empty()) return QueueResult::duplicate;
  return opted_out ? QueueResult::suppressed : QueueResult::queued;
}

QueueResult enqueue_for_work_order(store::Connection& conn, std::int64_t org_id,
                                   std::int64_t work_order_id, std::string kind,
                                   std::string idempotency_key, std::int64_t now_ms,
                                   std::map<std::string, std::string> extra_vars) {
  store::OrgTx tx(conn, org_id);
  const auto w = tx.one<WorkOrderRow>(kWorkOrder, work_order_id);
  // notify_customer governs the automatic visit texts; a payment link is
  // sent because someone asked for it.
  if (w && !w->notify_customer && is_visit_text(kind)) return QueueResult::not_notified;
  if (!w || !w->customer_id) return QueueResult::no_phone;
  Outbound m{org_id,
             *w->customer_id,
             work_order_id,
             std::move(kind),
             std::move(idempotency_key),
             std::move(extra_vars)};
  m.vars.emplace("number", "WO-" + w->number);
  if (w->scheduled_start) {
    // The customer reads the organization's local time: "Tue Dec 2", "3:00 PM".
    const auto zone = domain::org::time_zone(tx);
    m.vars.emplace("date", core::format_local_date(zone, *w->scheduled_start));
    m.vars.emplace("time", core::format_local_time(zone, *w->scheduled_start));
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
  store::OrgTx tx(conn, org_id);
  const auto r = tx.run(kSupersede, work_order_id, reason, now_ms);
  return static_cast<int>(r.affected);
}

int enqueue_due_reminders(store::Database& db, std::int64_t now_ms) {
  int queued = 0;
  for (const auto& [zone] : store::decode_all<ZoneRow>(db.query(kOrgZones, {})))
    queued += enqueue_due_reminders_in(db, zone, now_ms);
  return queued;
}

int enqueue_due_reminders_in(store::Database& db, const std::string& zone, std::int64_t now_ms) {
  // "The day before" in the organization's zone: on local day D, tomorrow's
  // visits (and any of today's still ahead that were missed). Queued after
  // 21:00 or before 08:00, they wait for the text window (sms_sender.cpp).
  const auto today = core::local_date(zone, now_ms);
  const auto end_of_tomorrow =
      core::day_bounds(zone, std::chrono::sys_days(today) + std::chrono::days(1)).end_ms;
  int queued = 0;
  for (const auto& row :
       store::decode_all<DueRow>(db.query(kDueReminders, {now_ms, end_of_tomorrow - 1, zone}))) {
    // One reminder per (work order, appointment time): rescheduling earns a new one.
    const auto key = fmt::format("reminder:{}:{}", row.id, row.scheduled_start);
    db.transaction([&](store::Connection& conn) {
      if (enqueue_for_work_order(conn, row.org_id, row.id, "reminder", key, now_ms) ==
          QueueResult::queued)
        ++queued;
    });
  }
  return queued;
}

}  // namespace bulwark::messaging
