// The reports' window: local dates of the organization's zone, as a plant
// manager means "from the 1st to the 31st".
#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "domain/reports/service.hpp"

namespace bulwark::domain::reports {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

ApiError bad_window(const char* field, const char* problem) {
  return ApiError(ErrorCode::validation_failed, "bad window", "invalid_parameter",
                  {{field, problem}});
}

}  // namespace

Outcome<Window> window(store::OrgTx& tx, LocalDay from, LocalDay to, std::int64_t now) {
  const auto zone = org::time_zone(tx);
  const auto last = to.value_or(core::local_date(zone, now));
  const auto first = from.value_or(year_month_day(sys_days(last) - days(89)));
  if (last < first) return unexpected(bad_window("to", "is before from"));
  // Three years of rows is already more than a page should add up.
  if (sys_days(last) - sys_days(first) > days(3 * 366))
    return unexpected(bad_window("from", "is more than three years before to"));
  return Window{core::iso_date(first), core::iso_date(last), zone,
                core::day_bounds(zone, first).start_ms, core::day_bounds(zone, last).end_ms};
}

}  // namespace bulwark::domain::reports
