#include "domain/service_plans/service.hpp"

#include "core/iso_date.hpp"
#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/customers/joined.hpp"
#include "domain/org/service.hpp"

namespace bulwark::domain::service_plans {

namespace {

using store::OrgSql;
namespace chr = std::chrono;

// The plan with its site and customer; the consent columns are the latest
// decision per channel (no row: not given).
#define PLAN_SELECT                                                                           \
  "SELECT p.id, p.site_id, s.name AS site_name, s.address AS site_address, "                  \
  "s.row_key AS site_row_key, c.id AS customer_id, c.name AS customer_name, "                 \
  "c.row_key AS customer_row_key, p.title, p.interval_months, p.next_due_on, "                \
  "p.remind_days_before, p.remind_on, p.reminded_for, p.reminded_by, p.active, p.version, "   \
  "p.created_at, "                                                                            \
  "p.updated_at, "                                                                            \
  "COALESCE((SELECT m.granted FROM marketing_consent m WHERE m.org_id = $1 AND "              \
  "m.customer_id = c.id AND m.channel = 'sms' ORDER BY m.id DESC LIMIT 1), 0) AS sms_ok, "    \
  "COALESCE((SELECT m.granted FROM marketing_consent m WHERE m.org_id = $1 AND "              \
  "m.customer_id = c.id AND m.channel = 'email' ORDER BY m.id DESC LIMIT 1), 0) AS email_ok " \
  "FROM service_plans p JOIN sites s ON s.org_id = $1 AND s.id = p.site_id "                  \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = s.customer_id "
constexpr OrgSql kList(PLAN_SELECT
                       "WHERE p.org_id = $1 AND (CAST($2 AS TEXT) IS NULL OR "
                       "(p.active = 1 AND p.next_due_on <= $2)) AND "
                       "(CAST($3 AS BIGINT) IS NULL OR p.site_id = $3) AND "
                       "(CAST($4 AS BIGINT) IS NULL OR s.customer_id = $4) "
                       "ORDER BY p.active DESC, p.next_due_on, p.id LIMIT 500");
constexpr OrgSql kFind(PLAN_SELECT "WHERE p.org_id = $1 AND p.id = $2");
#undef PLAN_SELECT
constexpr OrgSql kSiteExists("SELECT id FROM sites WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsert(
    "INSERT INTO service_plans (org_id, site_id, title, interval_months, next_due_on, "
    "remind_days_before, remind_on, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id");
constexpr OrgSql kUpdate(
    "UPDATE service_plans SET title = $4, interval_months = $5, next_due_on = $6, "
    "remind_days_before = $7, remind_on = $8, active = $9, updated_at = $10, "
    "version = version + 1 WHERE org_id = $1 AND id = $2 AND version = $3");
constexpr OrgSql kCustomerExists(
    "SELECT id FROM customers WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL");
constexpr OrgSql kConsentHistory(
    "SELECT channel, granted, source, recorded_by, recorded_at FROM marketing_consent "
    "WHERE org_id = $1 AND customer_id = $2 ORDER BY id DESC LIMIT 200");
constexpr OrgSql kConsentInsert(
    "INSERT INTO marketing_consent (org_id, customer_id, channel, granted, source, recorded_by, "
    "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");

struct PlanRow {
  std::int64_t id = 0, site_id = 0;
  std::string site_name, site_address;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;
  std::string title;
  std::int64_t interval_months = 0;
  std::string next_due_on;
  std::int64_t remind_days_before = 0;
  std::string remind_on;
  std::optional<std::string> reminded_for, reminded_by;
  std::int64_t active = 1, version = 1, created_at = 0, updated_at = 0, sms_ok = 0, email_ok = 0;
};
BOOST_DESCRIBE_STRUCT(PlanRow, (),
                      (id, site_id, site_name, site_address, customer_id, customer_name, title,
                       interval_months, next_due_on, remind_days_before, remind_on, reminded_for,
                       reminded_by, active, version, created_at, updated_at, sms_ok, email_ok))
struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))
struct ConsentRow {
  std::string channel;
  std::int64_t granted = 0;
  std::string source;
  std::optional<std::int64_t> recorded_by;
  std::int64_t recorded_at = 0;
};
BOOST_DESCRIBE_STRUCT(ConsentRow, (), (channel, granted, source, recorded_by, recorded_at))

ApiError no_such_plan() { return ApiError(ErrorCode::not_found, "no such service plan"); }

ApiError not_a_date(const std::string& field) {
  return ApiError(ErrorCode::validation_failed, field + " must be a date like 2027-03-15",
                  "validation_failed", {{field, "must be a date YYYY-MM-DD"}});
}

std::vector<PlanRow> opened(store::OrgTx& tx, const store::Result& result) {
  return customers::decode_opened<PlanRow>(
      result, [&](PlanRow& r, const auto& customer_key, const auto& site_key) {
        customers::open_joined(tx, "customers", "name", customer_key, r.customer_name);
        customers::open_joined(tx, "sites", "address", site_key, r.site_address);
      });
}

ServicePlanView view_of(const PlanRow& r, chr::year_month_day today) {
  ServicePlanView v;
  v.id = r.id;
  v.site_id = r.site_id;
  v.site_name = r.site_name;
  v.site_address = r.site_address;
  v.customer_id = r.customer_id;
  v.customer_name = r.customer_name.value_or("");
  v.title = r.title;
  v.interval_months = r.interval_months;
  v.next_due_on = r.next_due_on;
  v.remind_days_before = r.remind_days_before;
  v.remind_on = r.remind_on;
  v.reminded_for = r.reminded_for;
  v.reminded_by = r.reminded_by;
  if (const auto due = core::parse_iso_date(r.next_due_on))
    v.days_until_due = (chr::sys_days{*due} - chr::sys_days{today}).count();
  v.marketing_sms = r.sms_ok != 0;
  v.marketing_email = r.email_ok != 0;
  v.active = r.active != 0;
  v.version = r.version;
  v.created_at = {r.created_at};
  v.updated_at = {r.updated_at};
  return v;
}

chr::year_month_day today_in(store::OrgTx& tx, std::int64_t now) {
  return core::local_date(org::time_zone(tx), now);
}

// The day a plan due on `due` is reminded.
std::string remind_on(chr::year_month_day due, std::int64_t days_before) {
  return core::iso_date(chr::year_month_day{chr::sys_days{due} - chr::days{days_before}});
}

}  // namespace

Outcome<resource::Items<ServicePlanView>> list(store::OrgTx& tx, const PlanQuery& q,
                                               std::int64_t now) {
  const auto today = today_in(tx, now);
  std::optional<std::string> due_by;
  if (q.due_within_days)
    due_by =
        core::iso_date(chr::year_month_day{chr::sys_days{today} + chr::days{*q.due_within_days}});
  resource::Items<ServicePlanView> out;
  for (const auto& r : opened(tx, tx.run(kList, due_by, q.site_id, q.customer_id)))
    out.items.push_back(view_of(r, today));
  return out;
}

Outcome<ServicePlanView> get(store::OrgTx& tx, std::int64_t id, std::int64_t now) {
  auto rows = opened(tx, tx.run(kFind, id));
  if (rows.empty()) return unexpected(no_such_plan());
  return view_of(rows.front(), today_in(tx, now));
}

Outcome<ServicePlanView> create(store::OrgTx& tx, const audit::Actor& by,
                                const Checked<NewServicePlan>& in, std::int64_t now) {
  if (!in) return unexpected(in.error());
  const auto& p = (*in)->value;
  if (!tx.one<IdRow>(kSiteExists, p.site_id.value))
    return unexpected(ApiError(ErrorCode::not_found, "no such site"));
  const auto due = core::parse_iso_date(p.next_due_on.value);
  if (!due) return unexpected(not_a_date("next_due_on"));
  const std::int64_t days = p.remind_days_before ? p.remind_days_before->value : 30;
  const auto id = tx.one<IdRow>(kInsert, p.site_id.value, p.title.value, p.interval_months.value,
                                core::iso_date(*due), days, remind_on(*due, days), now)
                      .value()
                      .id;
  by.record(tx.connection(), "service_plan.created", "service_plan", id, (*in)->present);
  return get(tx, id, now);
}

Outcome<ServicePlanView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                const Checked<ServicePlanChange>& in, std::int64_t now) {
  BULWARK_TRY(const auto current, get(tx, id, now));  // existence first: 404 before 422
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  auto next_due = core::parse_iso_date(current.next_due_on);
  if (c.next_due_on) {
    next_due = core::parse_iso_date(c.next_due_on->value);
    if (!next_due) return unexpected(not_a_date("next_due_on"));
  }
  if (!next_due) return unexpected(not_a_date("next_due_on"));
  const auto days = c.remind_days_before ? c.remind_days_before->value : current.remind_days_before;
  const bool active = c.active.value_or(current.active);
  BULWARK_TRY_VOID(tx.update_versioned(
      kUpdate, "service plan", id, c.version.value, c.title ? c.title->value : current.title,
      c.interval_months ? c.interval_months->value : current.interval_months,
      core::iso_date(*next_due), days, remind_on(*next_due, days), std::int64_t{active ? 1 : 0},
      now));
  by.record(tx.connection(), "service_plan.updated", "service_plan", id, (*in)->present);
  return get(tx, id, now);
}

Outcome<ServicePlanView> serviced(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                  const Checked<ServicedOn>& in, std::int64_t now) {
  BULWARK_TRY(const auto current, get(tx, id, now));
  if (!in) return unexpected(in.error());
  const auto& s = (*in)->value;
  const auto on = core::parse_iso_date(s.on.value);
  if (!on) return unexpected(not_a_date("on"));
  const auto next = core::add_months(*on, static_cast<int>(current.interval_months));
  BULWARK_TRY_VOID(tx.update_versioned(
      kUpdate, "service plan", id, s.version.value, current.title, current.interval_months,
      core::iso_date(next), current.remind_days_before, remind_on(next, current.remind_days_before),
      std::int64_t{current.active ? 1 : 0}, now));
  by.record(tx.connection(), "service_plan.serviced", "service_plan", id, {"next_due_on"});
  return get(tx, id, now);
}

Outcome<MarketingConsent> marketing_consent(store::OrgTx& tx, std::int64_t customer_id) {
  if (!tx.one<IdRow>(kCustomerExists, customer_id))
    return unexpected(ApiError(ErrorCode::not_found, "no such customer"));
  MarketingConsent out;
  bool seen_sms = false, seen_email = false;
  for (const auto& r : tx.all<ConsentRow>(kConsentHistory, customer_id)) {
    // Newest first: the first row of a channel is its current decision.
    if (r.channel == "sms" && !seen_sms) {
      out.sms = r.granted != 0;
      seen_sms = true;
    }
    if (r.channel == "email" && !seen_email) {
      out.email = r.granted != 0;
      seen_email = true;
    }
    out.history.push_back({r.channel, r.granted != 0, r.source, r.recorded_by, {r.recorded_at}});
  }
  return out;
}

Outcome<MarketingConsent> record_marketing_consent(store::OrgTx& tx, const audit::Actor& by,
                                                   std::int64_t customer_id,
                                                   const Checked<MarketingConsentChange>& in,
                                                   std::int64_t now) {
  if (!tx.one<IdRow>(kCustomerExists, customer_id))
    return unexpected(ApiError(ErrorCode::not_found, "no such customer"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  tx.run(kConsentInsert, customer_id, c.channel.value, std::int64_t{c.granted ? 1 : 0},
         c.source.value, by.user_id, now);
  by.record(tx.connection(), c.granted ? "marketing_consent.granted" : "marketing_consent.revoked",
            "customer", customer_id, {c.channel.value});
  return marketing_consent(tx, customer_id);
}

}  // namespace bulwark::domain::service_plans
