#include "api/pm_handlers.hpp"

#include <boost/json.hpp>

#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "domain/timestamps.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {
using store::Sql;
using store::Value;

boost::json::object schedule_view(const store::Row& r) {
  auto opt_int = [&](std::size_t i) { return r.is_null(i) ? boost::json::value(nullptr) : boost::json::value(r.integer(i)); };
  return {{"id", r.integer(0)},
          {"site_id", r.integer(1)},
          {"asset_id", opt_int(2)},
          {"title", r.text(3)},
          {"priority", r.text(4)},
          {"assignee_id", opt_int(5)},
          {"interval_unit", r.text(6)},
          {"interval_value", r.integer(7)},
          {"meter_kind", r.is_null(8) ? boost::json::value(nullptr) : boost::json::value(r.text(8))},
          {"lead_days", r.integer(9)},
          {"next_due_at", r.is_null(10) ? boost::json::value(nullptr)
                                        : boost::json::value(domain::format_rfc3339(r.integer(10)))},
          {"next_meter_value", r.is_null(11) ? boost::json::value(nullptr) : boost::json::value(r.real(11))},
          {"active", r.integer(12) != 0}};
}

constexpr Sql kScheduleColumns(
    "SELECT id, site_id, asset_id, title, priority, assignee_id, interval_unit, interval_value, "
    "meter_kind, lead_days, next_due_at, next_meter_value, active FROM pm_schedules "
    "WHERE org_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR id = CAST($2 AS BIGINT)) ORDER BY id "
    "LIMIT 500");
}  // namespace

http::Response list_pm_schedules(app::RequestContext& ctx) {
  auto rows = ctx.services.db.query(kScheduleColumns, {ctx.who().org_id, nullptr});
  boost::json::array items;
  for (const auto& r : rows.rows) items.push_back(schedule_view(r));
  return app::json_response(200, {{"items", std::move(items)}});
}

http::Response create_pm_schedule(app::RequestContext& ctx) {
  const auto org = ctx.who().org_id;
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"site_id", "asset_id", "title", "priority", "assignee_id",
                             "interval_unit", "interval_value", "meter_kind", "lead_days",
                             "first_due_at", "first_meter_value"});
  auto site = in.optional_int("site_id", 1, INT64_MAX);
  if (!site && !in.has("site_id")) in.fail("site_id", "is required");
  auto asset = in.optional_int("asset_id", 1, INT64_MAX);
  auto title = in.required_string("title", 200);
  auto priority = in.optional_string("priority", 20).value_or("medium");
  if (priority != "low" && priority != "medium" && priority != "high" && priority != "urgent")
    in.fail("priority", "must be low, medium, high or urgent");
  auto assignee = in.optional_int("assignee_id", 1, INT64_MAX);
  auto unit = in.required_string("interval_unit", 10);
  if (!unit.empty() && unit != "days" && unit != "weeks" && unit != "months" && unit != "meter")
    in.fail("interval_unit", "must be days, weeks, months or meter");
  auto every = in.optional_int("interval_value", 1, 1'000'000);
  if (!every && !in.has("interval_value")) in.fail("interval_value", "is required");
  auto lead = in.optional_int("lead_days", 0, 365).value_or(14);
  auto kind = in.optional_string("meter_kind", 10);
  std::optional<std::int64_t> first_due;
  std::optional<std::int64_t> first_meter = in.optional_int("first_meter_value", 0, 1'000'000'000'000);
  if (unit == "meter") {
    if (!kind || (*kind != "hours" && *kind != "gallons" && *kind != "cycles"))
      in.fail("meter_kind", "must be hours, gallons or cycles for a meter schedule");
    if (!asset) in.fail("asset_id", "a meter schedule needs an asset");
    if (!first_meter) in.fail("first_meter_value", "is required for a meter schedule");
  } else {
    auto text = in.optional_string("first_due_at", 40);
    if (!text) in.fail("first_due_at", "is required for a calendar schedule");
    else if (!(first_due = domain::parse_rfc3339(*text)))
      in.fail("first_due_at", "must be an RFC 3339 time");
  }
  // A start years back is almost always a typo (1990 for 2026) and, before
  // generation collapsed missed occurrences, meant one overdue work order per
  // missed interval. A year back still lets the office enter a schedule
  // that really fell behind.
  constexpr std::int64_t kMaxPastStartMs = 365LL * 86'400'000;
  if (first_due && *first_due < identity::now_ms() - kMaxPastStartMs) {
    in.finish();  // the other problems first, all at once
    throw ApiError(ErrorCode::validation_failed,
                   "the first due date is more than a year in the past", "pm_start_too_far_in_past",
                   {{"first_due_at", "is more than a year in the past"}});
  }
  boost::json::object view;
  ctx.services.db.transaction([&](store::Connection& conn) {
    if (site && conn.query(Sql("SELECT 1 FROM sites WHERE org_id = $1 AND id = $2"), {org, *site}).empty())
      in.fail("site_id", "does not exist");
    if (asset && conn.query(Sql("SELECT 1 FROM assets WHERE org_id = $1 AND id = $2 AND "
                                "site_id = $3"),
                            {org, *asset, site.value_or(0)}).empty())
      in.fail("asset_id", "does not exist at this site");
    if (assignee && conn.query(Sql("SELECT 1 FROM users WHERE org_id = $1 AND id = $2 AND "
                                   "active = 1"),
                               {org, *assignee}).empty())
      in.fail("assignee_id", "does not exist");
    in.finish();
    auto r = conn.query(
        Sql("INSERT INTO pm_schedules (org_id, site_id, asset_id, title, priority, assignee_id, "
            "interval_unit, interval_value, meter_kind, lead_days, next_due_at, next_meter_value, "
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
            "RETURNING id"),
        {org, *site, asset ? Value(*asset) : Value(nullptr), title, priority,
         assignee ? Value(*assignee) : Value(nullptr), unit, *every,
         kind ? Value(*kind) : Value(nullptr), lead, first_due ? Value(*first_due) : Value(nullptr),
         first_meter ? Value(static_cast<double>(*first_meter)) : Value(nullptr),
         identity::now_ms()});
    const auto id = r.rows.at(0).integer(0);
    auto entry = ctx.audit_entry("pm_schedule.created", "pm_schedule", std::to_string(id));
    entry.fields = {"title", "interval_unit", "interval_value"};
    audit::append(conn, entry);
    view = schedule_view(conn.query(kScheduleColumns, {org, id}).rows.at(0));
  });
  return app::json_response(201, view);
}

// Pause or resume a schedule, or change what its work orders look like.
// The cadence itself (unit, value, meter) is not editable: a new cadence is
// a new schedule, so the generated history stays explainable.
http::Response update_pm_schedule(app::RequestContext& ctx) {
  const auto org = ctx.who().org_id;
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"active", "title", "priority", "assignee_id", "lead_days"});
  auto active = in.optional_bool("active");
  auto title = in.optional_string("title", 200);
  if (title && title->find_first_not_of(" \t") == std::string::npos) in.fail("title", "must not be empty");
  auto priority = in.optional_string("priority", 20);
  if (priority && *priority != "low" && *priority != "medium" && *priority != "high" &&
      *priority != "urgent")
    in.fail("priority", "must be low, medium, high or urgent");
  auto assignee = in.optional_int("assignee_id", 1, INT64_MAX);
  auto lead_days = in.optional_int("lead_days", 0, 365);
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto current = conn.query(kScheduleColumns, {org, id});
    if (current.empty()) throw ApiError(ErrorCode::not_found, "no such schedule");
    if (assignee && conn.query(Sql("SELECT 1 FROM users WHERE org_id = $1 AND id = $2 AND "
                                   "active = 1"),
                               {org, *assignee})
                        .empty())
      in.fail("assignee_id", "is not an active user of this organization");
    in.finish();
    auto opt = [](const auto& v) { return v ? Value(*v) : Value(nullptr); };
    conn.query(Sql("UPDATE pm_schedules SET active = COALESCE($3, active), "
                   "title = COALESCE($4, title), priority = COALESCE($5, priority), "
                   "assignee_id = COALESCE($6, assignee_id), lead_days = COALESCE($7, lead_days) "
                   "WHERE org_id = $1 AND id = $2"),
               {org, id, active ? Value(std::int64_t{*active ? 1 : 0}) : Value(nullptr), opt(title),
                opt(priority), opt(assignee), opt(lead_days)});
    auto entry = ctx.audit_entry("pm_schedule.updated", "pm_schedule", std::to_string(id));
    for (auto name : {"active", "title", "priority", "assignee_id", "lead_days"})
      if (in.has(name)) entry.fields.emplace_back(name);
    audit::append(conn, entry);
    row = conn.query(kScheduleColumns, {org, id}).rows.at(0);
  });
  return app::json_response(200, schedule_view(row));
}

}  // namespace bulwark::api
