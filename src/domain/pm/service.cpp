#include "domain/pm/service.hpp"

#include "core/try.hpp"
#include "domain/pm/repo.hpp"

namespace bulwark::domain::pm {

namespace {

ApiError start_too_far_in_past() {
  return ApiError(ErrorCode::validation_failed,
                  "the first due date is more than a year in the past", "pm_start_too_far_in_past",
                  {{"first_due_at", "is more than a year in the past"}});
}

// The references a new schedule makes, checked in the caller's organization.
resource::Problems missing_references(store::OrgTx& tx, const NewPmSchedule& s) {
  resource::Problems problems;
  if (!repo::site_exists(tx, s.site_id.value)) problems.emplace("site_id", "does not exist");
  if (s.asset_id && !repo::asset_at_site(tx, s.asset_id->value, s.site_id.value))
    problems.emplace("asset_id", "does not exist at this site");
  if (s.assignee_id && !repo::active_user(tx, s.assignee_id->value))
    problems.emplace("assignee_id", "does not exist");
  return problems;
}

// Another organization's template is as absent as one never created.
Expected<void, ApiError> template_in_org(store::OrgTx& tx, const std::optional<Id>& id) {
  if (id && !repo::template_exists(tx, id->value))
    return unexpected(ApiError(ErrorCode::not_found, "no such checklist template"));
  return {};
}

}  // namespace

Outcome<resource::Items<PmSchedule>> list(store::OrgTx& tx) {
  return resource::Items<PmSchedule>{repo::list(tx)};
}

Outcome<PmSchedule> create(store::OrgTx& tx, const audit::Actor& by,
                           const resource::Read<NewPmSchedule>& in, std::int64_t now) {
  const auto& s = in.value;
  // A meter schedule has no due date, whatever the body says.
  std::optional<std::int64_t> first_due;
  if (s.interval_unit.value != "meter" && s.first_due_at) first_due = s.first_due_at->ms;
  // Before generation collapsed missed occurrences, a start years back meant
  // one overdue work order per missed interval.
  if (first_due && *first_due < now - kMaxPastStartMs) return unexpected(start_too_far_in_past());
  BULWARK_TRY_VOID(resource::no_problems(missing_references(tx, s)));
  BULWARK_TRY_VOID(template_in_org(tx, s.checklist_template_id));
  const auto id = repo::insert(tx, s, first_due, now);
  by.record(tx.connection(), "pm_schedule.created", "pm_schedule", id,
            {"title", "interval_unit", "interval_value"});
  return repo::find(tx, id).value();
}

Outcome<PmSchedule> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                           const Checked<PmScheduleChange>& in) {
  if (!repo::find(tx, id)) return unexpected(ApiError(ErrorCode::not_found, "no such schedule"));
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  if (c.assignee_id && !repo::active_user(tx, c.assignee_id->value))
    return unexpected(ApiError(ErrorCode::validation_failed, "some fields are invalid",
                               "invalid_fields",
                               {{"assignee_id", "is not an active user of this organization"}}));
  BULWARK_TRY_VOID(template_in_org(tx, c.checklist_template_id.if_set()));
  repo::update(tx, id, c);
  by.record(tx.connection(), "pm_schedule.updated", "pm_schedule", id, (*in)->present);
  return repo::find(tx, id).value();
}

}  // namespace bulwark::domain::pm
