// PM compliance: how many generated PM work orders were done by their due
// date. "Due" is the generated work order's due_at (the schedule's
// occurrence); meter schedules' work orders have none and are not counted.
#include <map>

#include "core/try.hpp"
#include "domain/pm/repo.hpp"
#include "domain/reports/repo.hpp"
#include "domain/reports/service.hpp"

namespace bulwark::domain::reports {

namespace {

void count(PmCounts& c, const repo::PmWorkOrder& w, std::int64_t now) {
  if (w.completed_at)
    (*w.completed_at <= w.due_at ? c.on_time : c.late) += 1;
  else
    (w.due_at < now ? c.missed : c.open) += 1;
}

void finish(PmCounts& c) {
  const auto due = c.on_time + c.late + c.missed;
  if (due > 0) c.compliance_percent = (c.on_time * 200 + due) / (2 * due);  // rounded half up
}

}  // namespace

Outcome<PmComplianceReport> pm_compliance(store::OrgTx& tx, LocalDay from, LocalDay to,
                                          std::int64_t now) {
  BULWARK_TRY(const auto w, window(tx, from, to, now));
  PmComplianceReport out{w.from, w.to, w.time_zone, {}, {}};
  std::map<std::int64_t, PmCounts> by_schedule;
  for (const auto& wo : repo::pm_work_orders(tx, w.start_ms, w.end_ms)) {
    count(by_schedule[wo.schedule_id], wo, now);
    count(out.total, wo, now);
  }
  // In the schedules' order, with their names; only those with work due.
  for (const auto& s : pm::repo::list(tx)) {
    const auto it = by_schedule.find(s.id);
    if (it == by_schedule.end()) continue;
    finish(it->second);
    out.schedules.push_back({s.id, s.title, s.site_name, s.asset_name, it->second});
  }
  finish(out.total);
  return out;
}

}  // namespace bulwark::domain::reports
