#include "domain/invoices/metrics.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

constexpr std::int64_t kDay = 86'400'000;
constexpr int kWeeks = 12;

constexpr OrgSql kOpenWork(
    "SELECT status, priority, COUNT(*) AS count FROM work_orders WHERE org_id = $1 AND "
    "status NOT IN ('completed', 'closed', 'cancelled') GROUP BY status, priority");
constexpr OrgSql kOverdue(
    "SELECT COUNT(*) AS count FROM work_orders WHERE org_id = $1 AND due_at < $2 AND "
    "status NOT IN ('completed', 'closed', 'cancelled')");
// Bucketed here rather than in SQL, so the SQL stays portable.
constexpr OrgSql kCompleted(
    "SELECT created_at, completed_at FROM work_orders WHERE org_id = $1 AND "
    "completed_at IS NOT NULL AND completed_at >= $2");
constexpr OrgSql kInvoiced(
    "SELECT created_at, total_cents, paid_at FROM invoices WHERE org_id = $1 AND "
    "created_at >= $2 AND status <> 'void'");

struct OpenWork {
  std::string status, priority;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(OpenWork, (), (status, priority, count))
struct Count {
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(Count, (), (count))
struct Completed {
  std::int64_t created_at = 0, completed_at = 0;
};
BOOST_DESCRIBE_STRUCT(Completed, (), (created_at, completed_at))
struct Invoiced {
  std::int64_t created_at = 0, total_cents = 0;
  std::optional<std::int64_t> paid_at;
};
BOOST_DESCRIBE_STRUCT(Invoiced, (), (created_at, total_cents, paid_at))

using std::chrono::sys_days;
using std::chrono::year_month_day;

// Weeks and months are the organization's local ones (core/org_time).
std::string month_of(std::string_view zone, std::int64_t ms) {
  return core::iso_date(core::local_date(zone, ms)).substr(0, 7);  // "2026-12"
}

// The Mondays of the last kWeeks local weeks, this week's last.
std::vector<year_month_day> week_starts(std::string_view zone, std::int64_t now) {
  const auto today = core::local_date(zone, now);
  const auto monday =
      sys_days(today) - (std::chrono::weekday(sys_days(today)) - std::chrono::Monday);
  std::vector<year_month_day> out;
  out.reserve(kWeeks);
  for (int i = kWeeks - 1; i >= 0; --i) out.emplace_back(monday - std::chrono::weeks(i));
  return out;
}

}  // namespace

BusinessMetrics business_metrics(store::OrgTx& tx, std::int64_t now) {
  BusinessMetrics m;
  for (const auto& r : tx.all<OpenWork>(kOpenWork)) {
    m.open_by_status[r.status] += r.count;
    m.open_by_priority[r.priority] += r.count;
  }
  m.overdue = tx.one<Count>(kOverdue, now).value_or(Count{}).count;
  const auto zone = org::time_zone(tx);
  const auto mondays = week_starts(zone, now);
  std::vector<std::int64_t> starts;  // each local Monday's midnight, as UTC
  starts.reserve(mondays.size());
  for (const auto& d : mondays) starts.push_back(core::day_bounds(zone, d).start_ms);
  double hours = 0;
  std::int64_t completed = 0;
  std::vector<std::int64_t> weeks(kWeeks, 0);
  for (const auto& r : tx.all<Completed>(kCompleted, starts.front())) {
    hours += static_cast<double>(r.completed_at - r.created_at) / 3'600'000.0;
    ++completed;
    const auto after = std::upper_bound(starts.begin(), starts.end(), r.completed_at);
    if (after != starts.begin()) ++weeks[static_cast<std::size_t>(after - starts.begin() - 1)];
  }
  if (completed) m.mean_hours_to_complete = std::round(hours / completed * 10) / 10;
  for (int i = 0; i < kWeeks; ++i)
    m.completed_per_week.push_back(
        {core::iso_date(mondays[static_cast<std::size_t>(i)]), weeks[static_cast<std::size_t>(i)]});
  std::map<std::string, MonthMoney> months;
  for (const auto& r : tx.all<Invoiced>(kInvoiced, now - 366 * kDay)) {
    months[month_of(zone, r.created_at)].invoiced_cents += r.total_cents;
    if (r.paid_at) months[month_of(zone, *r.paid_at)].paid_cents += r.total_cents;
  }
  for (auto& [month, money] : months) {
    money.month = month;
    m.invoiced_and_paid_per_month.push_back(money);
  }
  return m;
}

}  // namespace bulwark::domain::invoices
