#include "api/dispatch_handlers.hpp"

#include <boost/json.hpp>

#include "api/query_params.hpp"
#include "core/error.hpp"
#include "domain/timestamps.hpp"
#include "identity/clock.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kWeekMs = 7 * kDayMs;
// A week holds at most this many rows per answer; a dispatcher with more
// narrows by technician (the answer says when it was cut).
constexpr std::int64_t kMaxItems = 500;

boost::json::value nullable_text(const store::Row& r, std::size_t i) {
  return r.is_null(i) ? boost::json::value(nullptr) : boost::json::value(r.text(i));
}
boost::json::value nullable_time(const store::Row& r, std::size_t i) {
  return r.is_null(i) ? boost::json::value(nullptr)
                      : boost::json::value(domain::format_rfc3339(r.integer(i)));
}
boost::json::value nullable_int(const store::Row& r, std::size_t i) {
  return r.is_null(i) ? boost::json::value(nullptr) : boost::json::value(r.integer(i));
}

// `start` is a date (YYYY-MM-DD, UTC); default: the Monday of this week.
std::int64_t week_start(const QueryParams& q) {
  if (auto text = q.text("start", 10)) {
    auto ms = domain::parse_rfc3339(*text + "T00:00:00Z");
    if (!ms || text->size() != 10)
      throw ApiError(ErrorCode::validation_failed, "start must be a date like 2026-11-23", {},
                     {{"start", "expected YYYY-MM-DD"}});
    return *ms;
  }
  const auto now = identity::now_ms();
  const auto today = now - now % kDayMs;
  const auto weekday = (today / kDayMs + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return today - weekday * kDayMs;
}

boost::json::object work_item(const store::Row& r) {
  return {{"id", r.integer(0)},
          {"number", "WO-" + r.text(1)},
          {"title", r.text(2)},
          {"status", r.text(3)},
          {"priority", r.text(4)},
          {"assignee_id", nullable_int(r, 5)},
          {"scheduled_start", nullable_time(r, 6)},
          {"scheduled_end", nullable_time(r, 7)},
          {"due_at", nullable_time(r, 8)},
          {"customer_name", nullable_text(r, 9)},
          {"site_address", nullable_text(r, 10)},
          {"version", r.integer(11)},
          {"customer_confirmed_at", nullable_time(r, 12)}};
}

#define BULWARK_DISPATCH_COLUMNS                                                             \
  "SELECT w.id, w.number, w.title, w.status, w.priority, w.assignee_id, w.scheduled_start, " \
  "w.scheduled_end, w.due_at, c.name, s.address, w.version, w.customer_confirmed_at "         \
  "FROM work_orders w "                                                                      \
  "LEFT JOIN customers c ON c.id = w.customer_id AND c.org_id = w.org_id "                    \
  "LEFT JOIN sites s ON s.id = w.site_id AND s.org_id = w.org_id "

constexpr Sql kScheduledInWeek(
    BULWARK_DISPATCH_COLUMNS
    "WHERE w.org_id = $1 AND w.scheduled_start >= $2 AND w.scheduled_start < $3 "
    "AND (CAST($4 AS BIGINT) IS NULL OR w.assignee_id = CAST($4 AS BIGINT)) "
    "AND w.status <> 'cancelled' ORDER BY w.scheduled_start, w.id LIMIT $5");

// Work still to plan: open, or scheduled without a technician.
constexpr Sql kUnplanned(
    BULWARK_DISPATCH_COLUMNS
    "WHERE w.org_id = $1 AND (w.status = 'open' OR (w.status = 'scheduled' AND w.assignee_id IS NULL)) "
    "AND w.scheduled_start IS NULL ORDER BY w.due_at IS NULL, w.due_at, w.id LIMIT 100");

constexpr Sql kTechnicians(
    "SELECT id, name FROM users WHERE org_id = $1 AND role = 'technician' AND active = 1 "
    "ORDER BY name, id");

}  // namespace

http::Response dispatch_week(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"start", "assignee_id"});
  const auto start = week_start(q);
  const auto assignee = q.integer("assignee_id", 1, INT64_MAX);
  const auto org = ctx.who().org_id;

  auto scheduled = ctx.services.db.query(
      kScheduledInWeek, {org, start, start + kWeekMs,
                         assignee ? store::Value(*assignee) : store::Value(nullptr), kMaxItems + 1});
  boost::json::array items;
  for (std::size_t i = 0; i < scheduled.rows.size() && i < std::size_t(kMaxItems); ++i)
    items.push_back(work_item(scheduled.rows[i]));

  boost::json::array unplanned;
  for (const auto& r : ctx.services.db.query(kUnplanned, {org}).rows) unplanned.push_back(work_item(r));

  boost::json::array technicians;
  for (const auto& r : ctx.services.db.query(kTechnicians, {org}).rows)
    technicians.push_back({{"id", r.integer(0)}, {"name", r.text(1)}});

  boost::json::array days;
  for (int d = 0; d < 7; ++d)
    days.push_back(boost::json::value(domain::format_rfc3339(start + d * kDayMs).substr(0, 10)));

  return app::json_response(200, {{"start", domain::format_rfc3339(start).substr(0, 10)},
                                  {"days", std::move(days)},
                                  {"technicians", std::move(technicians)},
                                  {"items", std::move(items)},
                                  {"truncated", scheduled.rows.size() > std::size_t(kMaxItems)},
                                  {"unplanned", std::move(unplanned)}});
}

}  // namespace bulwark::api
