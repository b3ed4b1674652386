#include "domain/pm_generation.hpp"

#include <algorithm>
#include <boost/describe/class.hpp>
#include <cmath>
#include <string>

#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/visit_text.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain {

std::int64_t next_due_after(std::int64_t due, std::string_view unit, std::int64_t every,
                            std::int64_t now, std::string_view zone) {
  constexpr std::int64_t kDay = 86'400'000;
  if (every <= 0) every = 1;
  // Days and weeks: counted on the local calendar, so a job due at 09:00
  // stays at 09:00 across a DST change. A first guess from the UTC distance
  // (off by at most an hour per change), then corrected by a step or two.
  if (unit == "days" || unit == "weeks") {
    const auto step = every * (unit == "weeks" ? 7 : 1);
    const auto at = [&](std::int64_t k) { return core::add_local_days(zone, due, k * step); };
    std::int64_t k = due > now ? 1 : std::max<std::int64_t>(1, (now - due) / (step * kDay));
    while (k > 1 && at(k - 1) > now) --k;
    while (at(k) <= now) ++k;
    return at(k);
  }
  // Months have no fixed length: jump close, then step. Counting from `due`
  // each time (not from the previous step) keeps Jan 31 -> Mar 31.
  std::int64_t k = 1;
  if (due < now) k = std::max<std::int64_t>(1, (now - due) / (31 * kDay) / every);
  for (;; ++k) {
    const auto months = std::min<std::int64_t>(k * every, 12 * 9000);
    const auto next = core::add_local_months(zone, due, months);
    // next <= due: past what the calendar can write; stop there.
    if (next > now || next <= due || months == 12 * 9000) return next;
  }
}

std::int64_t generation_opens(std::int64_t due, std::int64_t lead_days, std::string_view zone) {
  const auto day =
      std::chrono::sys_days(core::local_date(zone, due)) - std::chrono::days(lead_days);
  return core::day_bounds(zone, std::chrono::year_month_day(day)).start_ms;
}

double next_meter_threshold(double threshold, double every, double latest) {
  const double k = latest < threshold ? 1 : std::floor((latest - threshold) / every) + 1;
  return threshold + k * every;
}

namespace {

using store::CrossTenantSql;
using store::OrgSql;

// A schedule that may be due, with the text of its meter threshold for the
// occurrence's key (the same text every version has written).
struct DueSchedule {
  std::int64_t id = 0, org_id = 0, site_id = 0;
  std::optional<std::int64_t> asset_id;
  std::string title, priority;
  std::optional<std::int64_t> assignee_id;
  std::string interval_unit;
  std::int64_t interval_value = 0;
  std::optional<std::string> meter_kind;
  std::optional<std::int64_t> next_due_at;
  std::optional<double> next_meter_value;
  std::optional<std::string> meter_key;
  std::int64_t lead_days = 0;
  std::optional<std::int64_t> checklist_template_id, estimated_minutes;
};
BOOST_DESCRIBE_STRUCT(DueSchedule, (),
                      (id, org_id, site_id, asset_id, title, priority, assignee_id, interval_unit,
                       interval_value, meter_kind, next_due_at, next_meter_value, meter_key,
                       lead_days, checklist_template_id, estimated_minutes))
struct Found {
  std::optional<std::int64_t> value;
};
BOOST_DESCRIBE_STRUCT(Found, (), (value))
struct Latest {
  std::optional<double> value;
};
BOOST_DESCRIBE_STRUCT(Latest, (), (value))

// Every organization's schedules: the worker serves them all. The lead time
// is counted in local days (generate() decides); two UTC days of slack here
// cover a day boundary up to 26 hours from UTC and a DST change. BIGINT:
// on PostgreSQL lead_days is an INTEGER, and 25 days of milliseconds
// overflow one.
constexpr CrossTenantSql kDue(
    "SELECT id, org_id, site_id, asset_id, title, priority, assignee_id, interval_unit, "
    "interval_value, meter_kind, next_due_at, next_meter_value, next_meter_value AS meter_key, "
    "lead_days, checklist_template_id, estimated_minutes "
    "FROM pm_schedules WHERE active = 1 AND ((interval_unit <> 'meter' AND next_due_at - "
    "CAST(lead_days + 2 AS BIGINT) * 86400000 <= $1) OR interval_unit = 'meter') ORDER BY id LIMIT "
    "1000");
// Each schedule is then handled in its own organization's transaction.
constexpr OrgSql kOpenGenerated(
    "SELECT g.schedule_id AS value FROM pm_generated g JOIN work_orders w ON w.org_id = $1 "
    "AND w.id = g.work_order_id WHERE g.org_id = $1 AND g.schedule_id = $2 "
    "AND w.status NOT IN ('completed', 'closed', 'cancelled') LIMIT 1");
constexpr OrgSql kNextNumber(
    "INSERT INTO org_counters (org_id, name, value) VALUES ($1, 'work_order', 1001) "
    "ON CONFLICT (org_id, name) DO UPDATE SET value = org_counters.value + 1 RETURNING value");
constexpr OrgSql kSiteCustomer(
    "SELECT customer_id AS value FROM sites WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsertWorkOrder(
    "INSERT INTO work_orders (org_id, number, title, description, type, priority, status, "
    "customer_id, site_id, assignee_id, due_at, created_by, created_at, updated_at, row_key, "
    "asset_id, estimated_hours) "
    "VALUES ($1, $2, $3, $10, 'preventive', $4, 'open', $5, $6, $7, $8, 0, $9, $9, $11, $12, "
    "$13) RETURNING id AS value");
// The claim: a second writer of the same occurrence violates the primary
// key and its whole transaction (work order included) rolls back.
constexpr OrgSql kClaim(
    "INSERT INTO pm_generated (org_id, schedule_id, due_key, work_order_id) "
    "VALUES ($1, $2, $3, $4)");
constexpr OrgSql kOpened(
    "INSERT INTO work_order_history (org_id, work_order_id, from_status, to_status, actor_id, "
    "at) VALUES ($1, $2, NULL, 'open', NULL, $3)");
constexpr OrgSql kLatestReading(
    "SELECT MAX(value) AS value FROM meter_readings WHERE org_id = $1 AND asset_id = $2 "
    "AND kind = $3");
constexpr OrgSql kNextThreshold(
    "UPDATE pm_schedules SET next_meter_value = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kNextDue(
    "UPDATE pm_schedules SET next_due_at = $3 WHERE org_id = $1 AND id = $2 AND next_due_at = $4");

std::int64_t value_of(const std::optional<Found>& f) { return f.value().value.value(); }

// Claims the occurrence and creates its work order.
void create_occurrence(store::OrgTx& tx, const DueSchedule& s, const std::string& due_key,
                       std::optional<std::int64_t> due_at, std::int64_t now) {
  const auto number = value_of(tx.one<Found>(kNextNumber));
  const auto customer = tx.one<Found>(kSiteCustomer, s.site_id);
  const auto description = domain::work_orders::seal_new(tx, "work_orders", "description",
                                                         "Preventive maintenance (generated)");
  // The estimate in hours, as the dispatch board sizes a job by it.
  std::optional<double> hours;
  if (s.estimated_minutes) hours = static_cast<double>(*s.estimated_minutes) / 60.0;
  const auto work_order = value_of(
      tx.one<Found>(kInsertWorkOrder, number, s.title, s.priority,
                    customer ? customer->value : std::nullopt, s.site_id, s.assignee_id, due_at,
                    now, description.text, description.row_key, s.asset_id, hours));
  tx.run(kClaim, s.id, due_key, work_order);
  tx.run(kOpened, work_order, now);
  if (s.checklist_template_id)
    work_orders::checklist_repo::copy_named_template(tx, work_order, *s.checklist_template_id, now);
}

// One schedule in its organization's transaction; true if it made a work order.
bool generate(store::OrgTx& tx, const DueSchedule& s, std::int64_t now) {
  // The schedule's last generated work order is still to be done.
  if (tx.one<Found>(kOpenGenerated, s.id)) return false;
  if (s.interval_unit == "meter") {
    if (!s.asset_id || !s.meter_kind || !s.next_meter_value) return false;
    const double threshold = *s.next_meter_value;
    const auto latest = tx.one<Latest>(kLatestReading, *s.asset_id, *s.meter_kind).value().value;
    if (!latest || *latest < threshold) return false;
    create_occurrence(tx, s, "m:" + s.meter_key.value_or(""), std::nullopt, now);
    tx.run(kNextThreshold, s.id,
           next_meter_threshold(threshold, static_cast<double>(s.interval_value), *latest));
  } else {
    if (!s.next_due_at) return false;
    const auto due_at = *s.next_due_at;
    const auto zone = org::time_zone(tx);
    if (now < generation_opens(due_at, s.lead_days, zone)) return false;
    create_occurrence(tx, s, "t:" + std::to_string(due_at), due_at, now);
    // Days, weeks and months of the organization's calendar, not UTC's.
    const auto next = next_due_after(due_at, s.interval_unit, s.interval_value, now, zone);
    tx.run(kNextDue, s.id, next, due_at);
  }
  return true;
}

}  // namespace

int generate_pm_work_orders(store::Database& db, std::int64_t now) {
  int created = 0;
  for (const auto& s : store::decode_all<DueSchedule>(db.query(kDue, {now}))) {
    try {
      if (store::in_org(db, s.org_id, [&](store::OrgTx& tx) { return generate(tx, s, now); }))
        ++created;
    } catch (const store::ConstraintViolation&) {
      // Another instance generated this occurrence first: nothing to do.
    }
  }
  return created;
}

}  // namespace bulwark::domain
