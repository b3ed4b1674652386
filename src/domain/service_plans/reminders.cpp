#include "domain/service_plans/reminders.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/describe/class.hpp>

#include "core/iso_date.hpp"
#include "core/org_time.hpp"
#include "domain/customers/service.hpp"
#include "domain/requests/request_links.hpp"
#include "domain/service_plans/reminder_mail.hpp"
#include "mail/outbox.hpp"
#include "messaging/outbox.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::service_plans {

namespace {

using store::CrossTenantSql;
using store::OrgSql;
namespace chr = std::chrono;

constexpr CrossTenantSql kOrgZones("SELECT DISTINCT time_zone FROM orgs ORDER BY time_zone");
// Plans of the organizations in zone $1 whose reminder day ($2, a local
// date) has come and that have none for their due date, of customers whose
// latest decision on marketing texts ($3 = 1: texts can go) or on marketing
// email ($4 = 1: email can go) is "granted".
#define LATEST_SMS                                                            \
  "(SELECT m.granted FROM marketing_consent m WHERE m.org_id = p.org_id AND " \
  "m.customer_id = s.customer_id AND m.channel = 'sms' ORDER BY m.id DESC LIMIT 1)"
#define LATEST_EMAIL                                                          \
  "(SELECT m.granted FROM marketing_consent m WHERE m.org_id = p.org_id AND " \
  "m.customer_id = s.customer_id AND m.channel = 'email' ORDER BY m.id DESC LIMIT 1)"
// clang-format off
constexpr CrossTenantSql kDue(
    "SELECT p.org_id, p.id, p.site_id, p.title, p.next_due_on, s.customer_id, "
    "s.name AS site_name, COALESCE(" LATEST_SMS ", 0) AS sms_ok, "
    "COALESCE(" LATEST_EMAIL ", 0) AS email_ok "
    "FROM service_plans p JOIN sites s ON s.org_id = p.org_id AND s.id = p.site_id WHERE "
    "p.org_id IN (SELECT o.id FROM orgs o WHERE o.time_zone = $1) AND p.active = 1 AND "
    "p.remind_on <= $2 AND (p.reminded_for IS NULL OR p.reminded_for <> p.next_due_on) AND "
    "(($3 = 1 AND " LATEST_SMS " = 1) OR ($4 = 1 AND " LATEST_EMAIL " = 1)) "
    "ORDER BY p.id LIMIT 500");
// clang-format on
#undef LATEST_SMS
#undef LATEST_EMAIL
// Compare-and-set: the instance that marks the plan sends its reminder.
constexpr OrgSql kMark(
    "UPDATE service_plans SET reminded_for = $3, reminded_by = '' WHERE org_id = $1 AND id = $2 "
    "AND next_due_on = $3 AND (reminded_for IS NULL OR reminded_for <> $3)");
constexpr OrgSql kReminded(
    "UPDATE service_plans SET reminded_by = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kOrg("SELECT name, postal_address FROM orgs WHERE id = $1");

struct ZoneRow {
  std::string time_zone;
};
BOOST_DESCRIBE_STRUCT(ZoneRow, (), (time_zone))
struct DueRow {
  std::int64_t org_id = 0, id = 0, site_id = 0;
  std::string title, next_due_on;
  std::int64_t customer_id = 0;
  std::string site_name;
  std::int64_t sms_ok = 0, email_ok = 0;
};
BOOST_DESCRIBE_STRUCT(DueRow, (),
                      (org_id, id, site_id, title, next_due_on, customer_id, site_name, sms_ok,
                       email_ok))
struct OrgRow {
  std::string name;
  std::optional<std::string> postal_address;
};
BOOST_DESCRIBE_STRUCT(OrgRow, (), (name, postal_address))

// The site's request link: the live one, or a new one made by the system.
std::optional<std::string> visit_link(store::OrgTx& tx, std::int64_t site_id,
                                      std::string_view public_url, std::int64_t now) {
  const requests::LinkSubject site{std::nullopt, site_id};
  if (auto live = requests::current_link(tx, site, public_url, now)) return live->url;
  const audit::Actor system{tx.org_id(), "system", std::nullopt, ""};
  if (auto made = requests::rotate_link(tx, system, site, public_url, now)) return made->url;
  return std::nullopt;
}

// The reminder by email to the customer's address, if there is one.
bool email_reminder(store::OrgTx& tx, const DueRow& p, const std::string& date,
                    const std::string& link, const std::string& key, std::int64_t now) {
  const auto customer = customers::get(tx, p.customer_id);
  if (!customer || !customer->email || customer->email->empty()) return false;
  auto org = tx.one<OrgRow>(kOrg).value();
  auto m = reminder_mail({.org_name = std::move(org.name),
                          .org_postal_address = std::move(org.postal_address),
                          .customer_name = customer->name,
                          .service = p.title,
                          .site_name = p.site_name,
                          .due_date = date,
                          .visit_link = link});
  m.to_address = *customer->email;
  m.customer_id = p.customer_id;
  m.idempotency_key = key;
  return mail::enqueue(tx.connection(), p.org_id, m, now).has_value();
}

int remind_zone(store::Database& db, const std::string& zone, std::string_view public_url,
                ReminderChannels channels, std::int64_t now) {
  const auto today = core::local_date(zone, now);
  int queued = 0;
  for (const auto& p : store::decode_all<DueRow>(
           db.query(kDue, {zone, core::iso_date(today), std::int64_t{channels.sms ? 1 : 0},
                           std::int64_t{channels.email ? 1 : 0}}))) {
    db.transaction([&](store::Connection& conn) {
      store::OrgTx tx(conn, p.org_id);
      if (tx.run(kMark, p.id, p.next_due_on).affected == 0) return;  // another instance did
      const auto due = core::parse_iso_date(p.next_due_on);
      const auto link = visit_link(tx, p.site_id, public_url, now);
      if (!due || !link) return;
      // "Mon Mar 15": the due day's noon, so the zone's date is the one shown.
      const auto date = core::format_local_date(zone, core::local_to_utc(zone, *due, 12, 0));
      const auto key = fmt::format("service_reminder:{}:{}", p.id, p.next_due_on);
      std::vector<std::string> went;
      if (channels.sms && p.sms_ok != 0) {
        const auto r = messaging::enqueue(conn,
                                          {p.org_id,
                                           p.customer_id,
                                           std::nullopt,
                                           "service_reminder",
                                           key,
                                           {{"service", p.title}, {"date", date}, {"link", *link}}},
                                          now);
        if (r == messaging::QueueResult::queued) went.emplace_back("sms");
      }
      if (channels.email && p.email_ok != 0 && email_reminder(tx, p, date, *link, key, now))
        went.emplace_back("email");
      tx.run(kReminded, p.id, fmt::format("{}", fmt::join(went, ",")));
      if (!went.empty()) ++queued;
    });
  }
  return queued;
}

}  // namespace

int enqueue_service_reminders(store::Database& db, std::string_view public_url,
                              ReminderChannels channels, std::int64_t now) {
  int queued = 0;
  for (const auto& [zone] : store::decode_all<ZoneRow>(db.query(kOrgZones, {})))
    queued += remind_zone(db, zone, public_url, channels, now);
  return queued;
}

}  // namespace bulwark::domain::service_plans
