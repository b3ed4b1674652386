#include "domain/invoices/metrics.hpp"

#include <cmath>

#include "domain/timestamps.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

constexpr std::int64_t kDay = 86'400'000, kWeek = 7 * kDay;
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

std::string month_of(std::int64_t ms) { return format_rfc3339(ms).substr(0, 7); }

}  // namespace

BusinessMetrics business_metrics(store::OrgTx& tx, std::int64_t now) {
  BusinessMetrics m;
  for (const auto& r : tx.all<OpenWork>(kOpenWork)) {
    m.open_by_status[r.status] += r.count;
    m.open_by_priority[r.priority] += r.count;
  }
  m.overdue = tx.one<Count>(kOverdue, now).value_or(Count{}).count;
  double hours = 0;
  std::int64_t completed = 0;
  std::vector<std::int64_t> weeks(kWeeks, 0);
  for (const auto& r : tx.all<Completed>(kCompleted, now - kWeeks * kWeek)) {
    hours += static_cast<double>(r.completed_at - r.created_at) / 3'600'000.0;
    ++completed;
    const auto week = (now - r.completed_at) / kWeek;
    if (week >= 0 && week < kWeeks) ++weeks[kWeeks - 1 - week];
  }
  if (completed) m.mean_hours_to_complete = std::round(hours / completed * 10) / 10;
  for (int i = 0; i < kWeeks; ++i)
    m.completed_per_week.push_back(
        {format_rfc3339(now - (kWeeks - i) * kWeek).substr(0, 10), weeks[i]});
  std::map<std::string, MonthMoney> months;
  for (const auto& r : tx.all<Invoiced>(kInvoiced, now - 366 * kDay)) {
    months[month_of(r.created_at)].invoiced_cents += r.total_cents;
    if (r.paid_at) months[month_of(*r.paid_at)].paid_cents += r.total_cents;
  }
  for (auto& [month, money] : months) {
    money.month = month;
    m.invoiced_and_paid_per_month.push_back(money);
  }
  return m;
}

}  // namespace bulwark::domain::invoices
