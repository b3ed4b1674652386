#include "api/sms_number_handlers.hpp"

#include <boost/json.hpp>

#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "domain/timestamps.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "messaging/sms_number.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace json = boost::json;
using store::Sql;

http::Response get_sms_settings(app::RequestContext& ctx) {
  const auto org = ctx.who().org_id;
  json::object out;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    auto r = conn.query(Sql("SELECT phone, verified FROM org_sms_numbers WHERE org_id = $1"), {org});
    out["sms_number"] = r.empty() ? json::value(nullptr) : json::value(r.rows[0].text(0));
    out["sms_number_verified"] = !r.empty() && r.rows[0].integer(1) == 1;
    auto pending = messaging::pending_sms_request(conn, org);
    out["number_request"] =
        pending ? json::value(json::object{{"area_code", pending->area_code},
                                           {"note", pending->note},
                                           {"requested_by", pending->requested_by_email},
                                           {"requested_at", domain::format_rfc3339(pending->created_at)}})
                : json::value(nullptr);
  });
  out["twilio_configured"] = ctx.services.config.twilio_configured();
  out["payments_configured"] = ctx.services.config.stripe_configured();
  return app::json_response(200, std::move(out));
}

// An admin asks the operator for a number (optionally in an area code);
// the operator sees it in `bulwark admin sms-numbers`.
http::Response request_sms_number(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"area_code", "note"});
  auto area_code = in.optional_string("area_code", 3).value_or("");
  auto note = in.optional_string("note", 500).value_or("");
  if (!area_code.empty() &&
      (area_code.size() != 3 || area_code.find_first_not_of("0123456789") != std::string::npos))
    in.fail("area_code", "must be three digits, e.g. 802");
  in.finish();
  ctx.services.db.transaction([&](store::Connection& conn) {
    messaging::request_sms_number(conn, ctx.who().org_id, ctx.who().user_id, area_code, note,
                                  identity::now_ms());
    auto entry = ctx.audit_entry("org.sms_number_requested", "org", std::to_string(ctx.who().org_id));
    entry.fields = {"area_code", "note"};
    audit::append(conn, entry);
  });
  auto settings = get_sms_settings(ctx);
  settings.status = 202;
  return settings;
}

}  // namespace bulwark::api
