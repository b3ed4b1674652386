#include "domain/pm_generation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "domain/timestamps.hpp"

namespace bulwark::domain {

using store::Sql;
using store::Value;

std::int64_t add_months(std::int64_t epoch_ms, int months) {
  const auto text = format_rfc3339(epoch_ms);  // YYYY-MM-DDTHH:MM:SSZ
  int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2)), d = std::stoi(text.substr(8, 2));
  const int total = (y * 12 + (m - 1)) + months;
  y = total / 12;
  m = total % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > last) d = last;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d%s", y, m, d, text.substr(10).c_str());
  return parse_rfc3339(buf).value_or(epoch_ms) + epoch_ms % 1000;
}

std::int64_t next_due_after(std::int64_t due, std::string_view unit, std::int64_t every,
                            std::int64_t now) {
  constexpr std::int64_t kDay = 86'400'000;
  if (unit == "days" || unit == "weeks") {
    const auto step = every * (unit == "weeks" ? 7 : 1) * kDay;
    const auto k = due > now ? 1 : (now - due) / step + 1;  // arithmetic: no walk
    return due + k * step;
  }
  // Months have no fixed length: jump close, then step. Counting from `due`
  // each time (not from the previous step) keeps Jan 31 -> Mar 31.
  std::int64_t k = 1;
  if (due < now) k = std::max<std::int64_t>(1, (now - due) / (31 * kDay) / every);
  for (;; ++k) {
    const auto months = std::min<std::int64_t>(k * every, 12 * 9000);
    const auto next = add_months(due, static_cast<int>(months));
    // next <= due: past what the calendar can write (year 9999); stop there.
    if (next > now || next <= due || months == 12 * 9000) return next;
  }
}

double next_meter_threshold(double threshold, double every, double latest) {
  const double k = latest < threshold ? 1 : std::floor((latest - threshold) / every) + 1;
  return threshold + k * every;
}

namespace {

// The schedule's last generated work order is still to be done.
bool has_open_generated(store::Connection& conn, const store::Row& s) {
  return !conn.query(Sql("SELECT 1 FROM pm_generated g JOIN work_orders w ON w.org_id = g.org_id "
                         "AND w.id = g.work_order_id WHERE g.schedule_id = $1 AND g.org_id = $2 "
                         "AND w.status NOT IN ('completed', 'closed', 'cancelled') LIMIT 1"),
                     {s.integer(0), s.integer(1)})
              .empty();
}

// Claims the occurrence and creates its work order; false if already done.
bool create_occurrence(store::Connection& conn, const store::Row& s, const std::string& due_key,
                       std::optional<std::int64_t> due_at, std::int64_t now) {
  const auto org = s.integer(1), schedule = s.integer(0);
  auto n = conn.query(Sql("INSERT INTO org_counters (org_id, name, value) VALUES ($1, "
                          "'work_order', 1001) ON CONFLICT (org_id, name) DO UPDATE SET "
                          "value = org_counters.value + 1 RETURNING value"),
                      {org});
  const auto customer = conn.query(Sql("SELECT customer_id FROM sites WHERE org_id = $1 AND id = $2"),
                                   {org, s.integer(2)});
  const bool assigned = !s.is_null(6);
  auto wo = conn.query(
      Sql("INSERT INTO work_orders (org_id, number, title, description, type, priority, status, "
          "customer_id, site_id, assignee_id, due_at, created_by, created_at, updated_at) VALUES "
          "($1, $2, $3, 'Preventive maintenance (generated)', 'preventive', $4, 'open', $5, $6, $7, "
          "$8, 0, $9, $9) RETURNING id"),
      {org, n.rows.at(0).integer(0), s.text(4), s.text(5),
       customer.empty() ? Value(nullptr) : Value(customer.rows[0].integer(0)), s.integer(2),
       assigned ? Value(s.integer(6)) : Value(nullptr),
       due_at ? Value(*due_at) : Value(nullptr), now});
  const auto wo_id = wo.rows.at(0).integer(0);
  // The claim: a second writer of the same occurrence violates the primary
  // key and its whole transaction (work order included) rolls back.
  conn.query(Sql("INSERT INTO pm_generated (schedule_id, due_key, org_id, work_order_id) "
                 "VALUES ($1, $2, $3, $4)"),
             {schedule, due_key, org, wo_id});
  conn.query(Sql("INSERT INTO work_order_history (org_id, work_order_id, from_status, to_status, "
                 "actor_id, at) VALUES ($1, $2, NULL, 'open', NULL, $3)"),
             {org, wo_id, now});
  return true;
}

}  // namespace

int generate_pm_work_orders(store::Database& db, std::int64_t now) {
  int created = 0;
  auto due = db.query(
      Sql("SELECT id, org_id, site_id, asset_id, title, priority, assignee_id, interval_unit, "
          "interval_value, meter_kind, lead_days, next_due_at, next_meter_value FROM pm_schedules "
          "WHERE active = 1 AND ((interval_unit <> 'meter' AND next_due_at - lead_days * "
          "86400000 <= $1) OR interval_unit = 'meter') ORDER BY id LIMIT 1000"),
      {now});
  for (const auto& s : due.rows) {
    const auto unit = s.text(7);
    try {
      bool made = false;
      db.transaction([&](store::Connection& conn) {
        if (has_open_generated(conn, s)) return;
        if (unit == "meter") {
          if (s.is_null(3) || s.is_null(9) || s.is_null(12)) return;
          const double threshold = s.real(12);
          auto latest = conn.query(Sql("SELECT MAX(value) FROM meter_readings WHERE org_id = $1 "
                                       "AND asset_id = $2 AND kind = $3"),
                                   {s.integer(1), s.integer(3), s.text(9)});
          if (latest.rows.at(0).is_null(0) || latest.rows[0].real(0) < threshold) return;
          create_occurrence(conn, s, "m:" + s.text(12), std::nullopt, now);
          conn.query(
              Sql("UPDATE pm_schedules SET next_meter_value = $2 WHERE id = $1"),
              {s.integer(0), next_meter_threshold(threshold, static_cast<double>(s.integer(8)),
                                                  latest.rows[0].real(0))});
        } else {
          const auto due_at = s.integer(11);
          create_occurrence(conn, s, "t:" + std::to_string(due_at), due_at, now);
          conn.query(Sql("UPDATE pm_schedules SET next_due_at = $2 WHERE id = $1 AND "
                         "next_due_at = $3"),
                     {s.integer(0), next_due_after(due_at, unit, s.integer(8), now), due_at});
        }
        made = true;
      });
      if (made) ++created;
    } catch (const store::ConstraintViolation&) {
      // Another instance generated this occurrence first: nothing to do.
    }
  }
  return created;
}

}  // namespace bulwark::domain
