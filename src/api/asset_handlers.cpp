#include "api/asset_handlers.hpp"

#include <boost/json.hpp>

#include "api/query_params.hpp"
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

constexpr Sql kSelectAsset("SELECT id, site_id, name, type, make, model, serial, install_date, "
                           "created_at FROM assets WHERE org_id = $1 AND id = $2");

boost::json::object asset_view(const store::Row& r) {
  return {{"id", r.integer(0)},    {"site_id", r.integer(1)}, {"name", r.text(2)},
          {"type", r.text(3)},     {"make", r.text(4)},       {"model", r.text(5)},
          {"serial", r.text(6)},
          {"install_date", r.is_null(7) ? boost::json::value(nullptr) : boost::json::value(r.text(7))},
          {"created_at", domain::format_rfc3339(r.integer(8))}};
}

void require_site(store::Connection& conn, std::int64_t org, std::int64_t site) {
  if (conn.query(Sql("SELECT 1 FROM sites WHERE org_id = $1 AND id = $2"), {org, site}).empty())
    throw ApiError(ErrorCode::not_found, "no such site");
}

store::Row require_asset(store::Connection& conn, std::int64_t org, std::int64_t id) {
  auto r = conn.query(kSelectAsset, {org, id});
  if (r.empty()) throw ApiError(ErrorCode::not_found, "no such asset");
  return r.rows[0];
}

bool valid_date(const std::string& d) {  // YYYY-MM-DD, checked through the RFC 3339 parser
  return d.size() == 10 && domain::parse_rfc3339(d + "T00:00:00Z").has_value();
}

}  // namespace

http::Response list_site_assets(app::RequestContext& ctx) {
  const auto site = ctx.params.integer("id");
  store::Result rows;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    require_site(conn, ctx.who().org_id, site);
    rows = conn.query(Sql("SELECT id, site_id, name, type, make, model, serial, install_date, "
                          "created_at FROM assets WHERE org_id = $1 AND site_id = $2 ORDER BY id"),
                      {ctx.who().org_id, site});
  });
  boost::json::array items;
  for (const auto& r : rows.rows) items.push_back(asset_view(r));
  return app::json_response(200, {{"items", std::move(items)}});
}

http::Response list_assets(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"q", "type", "customer_id", "cursor", "limit"});
  const auto search = q.text("q", 100);
  const auto type = q.text("type", 100);
  const auto customer = q.integer("customer_id", 1, INT64_MAX);
  const auto cursor = q.integer("cursor", 1, INT64_MAX);
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  auto opt = [](const auto& v) { return v ? Value(*v) : Value(nullptr); };
  // q: a case-insensitive substring of the asset's name, make, model or
  // serial, or of the customer's name (what the office remembers).
  auto rows = ctx.services.db.query(
      Sql("SELECT a.id, a.site_id, a.name, a.type, a.make, a.model, a.serial, a.install_date, "
          "a.created_at, s.name, s.address, s.customer_id, c.name FROM assets a "
          "JOIN sites s ON s.org_id = a.org_id AND s.id = a.site_id "
          "LEFT JOIN customers c ON c.org_id = s.org_id AND c.id = s.customer_id "
          "WHERE a.org_id = $1 AND (c.id IS NULL OR c.deleted_at IS NULL) "
          "AND (CAST($2 AS TEXT) IS NULL OR lower(a.name) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
          "  OR lower(a.make) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
          "  OR lower(a.model) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
          "  OR lower(a.serial) LIKE CAST($2 AS TEXT) ESCAPE '\\' "
          "  OR lower(COALESCE(c.name, '')) LIKE CAST($2 AS TEXT) ESCAPE '\\') "
          "AND (CAST($3 AS TEXT) IS NULL OR a.type = CAST($3 AS TEXT)) "
          "AND (CAST($4 AS BIGINT) IS NULL OR s.customer_id = CAST($4 AS BIGINT)) "
          "AND (CAST($5 AS BIGINT) IS NULL OR a.id > CAST($5 AS BIGINT)) "
          "ORDER BY a.id LIMIT $6"),
      {ctx.who().org_id, search ? Value(like_pattern(*search)) : Value(nullptr), opt(type),
       opt(customer), opt(cursor), limit + 1});
  boost::json::array items;
  for (std::size_t i = 0; i < rows.rows.size() && i < std::size_t(limit); ++i) {
    const auto& r = rows.rows[i];
    auto view = asset_view(r);
    view["site_name"] = r.text(9);
    view["site_address"] = r.text(10);
    view["customer_id"] = r.is_null(11) ? boost::json::value(nullptr) : boost::json::value(r.integer(11));
    view["customer_name"] = r.is_null(12) ? boost::json::value(nullptr) : boost::json::value(r.text(12));
    items.push_back(std::move(view));
  }
  boost::json::value next = nullptr;
  if (rows.rows.size() > std::size_t(limit)) next = rows.rows[limit - 1].integer(0);
  return app::json_response(200, {{"items", std::move(items)}, {"next_cursor", next}});
}

http::Response create_asset(app::RequestContext& ctx) {
  const auto site = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"name", "type", "make", "model", "serial", "install_date"});
  auto name = in.required_string("name", 200);
  auto type = in.optional_string("type", 100).value_or("");
  auto make = in.optional_string("make", 100).value_or("");
  auto model = in.optional_string("model", 100).value_or("");
  auto serial = in.optional_string("serial", 100).value_or("");
  auto install = in.optional_string("install_date", 10);
  if (install && !valid_date(*install)) in.fail("install_date", "must be a date like 2019-06-30");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    require_site(conn, ctx.who().org_id, site);
    in.finish();
    auto r = conn.query(Sql("INSERT INTO assets (org_id, site_id, name, type, make, model, serial, "
                            "install_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                            "RETURNING id"),
                        {ctx.who().org_id, site, name, type, make, model, serial,
                         install ? Value(*install) : Value(nullptr), identity::now_ms()});
    const auto id = r.rows.at(0).integer(0);
    auto entry = ctx.audit_entry("asset.created", "asset", std::to_string(id));
    entry.fields = {"name", "type", "make", "model", "serial", "install_date"};
    audit::append(conn, entry);
    row = require_asset(conn, ctx.who().org_id, id);
  });
  return app::json_response(201, asset_view(row));
}

http::Response get_asset(app::RequestContext& ctx) {
  store::Row row;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    row = require_asset(conn, ctx.who().org_id, ctx.params.integer("id"));
  });
  return app::json_response(200, asset_view(row));
}

http::Response add_reading(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"kind", "value", "read_at"});
  auto kind = in.required_string("kind", 20);
  if (!kind.empty() && kind != "hours" && kind != "gallons" && kind != "cycles")
    in.fail("kind", "must be hours, gallons or cycles");
  double value = 0;
  if (auto it = body.find("value"); it == body.end() || !it->value().is_number())
    in.fail("value", "is required and must be a number");
  else if (value = it->value().to_number<double>(); value < 0 || value > 1e12)
    in.fail("value", "must be between 0 and 1e12");
  const auto now = identity::now_ms();
  std::int64_t read_at = now;
  if (auto t = in.optional_string("read_at", 40)) {
    if (auto ms = domain::parse_rfc3339(*t)) read_at = *ms;
    else in.fail("read_at", "must be an RFC 3339 time");
  }
  // A reading from the future is a wrong clock or a typo; the allowance is
  // for the recording device's clock running a little ahead of ours.
  constexpr std::int64_t kClockSkewMs = 5 * 60 * 1000;
  boost::json::object out;
  ctx.services.db.transaction([&](store::Connection& conn) {
    const auto org = ctx.who().org_id;
    // Existence check and lock in one: the no-op UPDATE holds the asset's
    // row until commit on PostgreSQL (SQLite's write transaction holds the
    // database), so concurrent readings of one asset are checked one after
    // the other against each other, never against a stale set.
    if (conn.query(Sql("UPDATE assets SET created_at = created_at WHERE org_id = $1 AND id = $2"),
                   {org, id})
            .affected == 0)
      throw ApiError(ErrorCode::not_found, "no such asset");
    in.finish();
    if (read_at > now + kClockSkewMs)
      throw ApiError(ErrorCode::validation_failed, "a meter reading cannot be dated in the future",
                     "meter_reading_in_future", {{"read_at", "is in the future"}});
    // Meters only go up: a reading lies between the readings dated before it
    // (same time counts as before) and those dated after it.
    auto bounds = conn.query(Sql("SELECT (SELECT MAX(value) FROM meter_readings WHERE org_id = $1 "
                                 "AND asset_id = $2 AND kind = $3 AND read_at <= $4), "
                                 "(SELECT MIN(value) FROM meter_readings WHERE org_id = $1 "
                                 "AND asset_id = $2 AND kind = $3 AND read_at > $4)"),
                             {org, id, kind, read_at});
    const auto& b = bounds.rows.at(0);
    if (!b.is_null(0) && value < b.real(0))
      throw ApiError(
          ErrorCode::validation_failed, "a meter reading cannot be below an earlier-dated reading",
          "meter_reading_below_earlier", {{"value", "is below a reading dated before it"}});
    if (!b.is_null(1) && value > b.real(1))
      throw ApiError(ErrorCode::validation_failed,
                     "a meter reading cannot be above a later-dated reading",
                     "meter_reading_above_later", {{"value", "is above a reading dated after it"}});
    auto r = conn.query(Sql("INSERT INTO meter_readings (org_id, asset_id, kind, value, read_at, "
                            "recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"),
                        {ctx.who().org_id, id, kind, value, read_at, ctx.who().user_id});
    auto entry = ctx.audit_entry("asset.reading_added", "asset", std::to_string(id));
    entry.fields = {"kind", "value"};
    audit::append(conn, entry);
    out = {{"id", r.rows.at(0).integer(0)}, {"kind", kind}, {"value", value},
           {"read_at", domain::format_rfc3339(read_at)}};
  });
  return app::json_response(201, out);
}

http::Response list_readings(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  QueryParams q(ctx.request.query);
  q.allow_only({"kind", "limit"});
  const auto kind = q.text("kind", 20);
  const auto limit = q.integer("limit", 1, 1000).value_or(100);
  store::Result rows;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    require_asset(conn, ctx.who().org_id, id);
    rows = conn.query(Sql("SELECT id, kind, value, read_at, recorded_by FROM meter_readings "
                          "WHERE org_id = $1 AND asset_id = $2 AND "
                          "(CAST($3 AS TEXT) IS NULL OR kind = CAST($3 AS TEXT)) "
                          "ORDER BY read_at DESC, id DESC LIMIT $4"),
                      {ctx.who().org_id, id, kind ? Value(*kind) : Value(nullptr), limit});
  });
  boost::json::array items;
  for (const auto& r : rows.rows)
    items.push_back({{"id", r.integer(0)}, {"kind", r.text(1)}, {"value", r.real(2)},
                     {"read_at", domain::format_rfc3339(r.integer(3))},
                     {"recorded_by", r.integer(4)}});
  return app::json_response(200, {{"items", std::move(items)}});
}

}  // namespace bulwark::api
