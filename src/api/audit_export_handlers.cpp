#include "api/audit_export_handlers.hpp"

#include "api/audit_query.hpp"
#include "core/org_time.hpp"
#include "domain/users/audit_export.hpp"

namespace bulwark::api {

namespace {

namespace users = domain::users;

}  // namespace

Result<http::Response> export_audit(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"format", "action", "actor_id", "outcome", "since", "until", "before"});
  const auto format_name = q.text("format", 10).value_or("csv");
  if (format_name != "csv" && format_name != "jsonl")
    return unexpected(ApiError(ErrorCode::validation_failed, "format must be csv or jsonl",
                               "invalid_fields", {{"format", "must be csv or jsonl"}}));
  const auto format = format_name == "csv" ? users::AuditFormat::csv : users::AuditFormat::jsonl;
  const auto query = audit_filters(ctx, q);
  auto out = users::export_audit(ctx.services.db, query, format);
  // Exporting the log is itself a security event: who took a copy, of what.
  auto entry = ctx.audit_entry("audit.exported", "audit", format_name);
  entry.fields = {"format"};
  audit::append(ctx.services.db, entry);

  http::Response res;
  res.status = 200;
  res.body = std::move(out.body);
  res.headers.set("Content-Type", format == users::AuditFormat::csv
                                      ? "text/csv; charset=utf-8"
                                      : "application/x-ndjson; charset=utf-8");
  const auto day = core::iso_date(core::local_date(ctx.who().org_time_zone, ctx.now_ms()));
  res.headers.set("Content-Disposition", "attachment; filename=\"audit-" + ctx.who().org_slug +
                                             "-" + day + "." + format_name + "\"");
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Bulwark-Rows", std::to_string(out.rows));
  // Bounded: where the rest begins, for the next request's `before`.
  if (out.continue_before)
    res.headers.set("X-Bulwark-Continue-Before", std::to_string(*out.continue_before));
  return res;
}

void add_audit_export_routes(http::Router& r) {
  r.add({.method = http::Method::get,
         .pattern = "/api/v1/audit/export",
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(security::Permission::audit_read),
         .rate = http::RateClass::standard,
         .effect = http::Effect::read_only,
         .csrf = http::Csrf::not_applicable,
         .execution = http::Execution::pool,
         .handler = endpoint<export_audit>(),
         .summary = "The audit log as CSV or JSON Lines (format=csv|jsonl, the list's filters; "
                    "step-up; at most 100,000 records a request, X-Bulwark-Continue-Before says "
                    "where the rest begins)",
         .scope = "audit:read",
         .step_up = true});
}

}  // namespace bulwark::api
