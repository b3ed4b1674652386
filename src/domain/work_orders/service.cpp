#include "domain/work_orders/service.hpp"

#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/org/service.hpp"
#include "domain/service_plans/visits.hpp"
#include "domain/work_order_status.hpp"
#include "domain/work_orders/checklist_service.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/visit_texts.hpp"
#include "messaging/outbox.hpp"

namespace bulwark::domain::work_orders {

namespace {

ApiError no_such_work_order() { return ApiError(ErrorCode::not_found, "no such work order"); }

repo::Scope scope_of(const Caller& by) {
  return by.technician() ? repo::Scope(by.user_id) : std::nullopt;
}

Outcome<WorkOrderView> find(store::OrgTx& tx, const Caller& by, std::int64_t id) {
  auto row = repo::find(tx, id, scope_of(by));
  if (!row) return unexpected(no_such_work_order());
  return std::move(*row);
}

template <class R>
std::optional<std::int64_t> id_of(const std::optional<R>& ref) {
  if (!ref) return std::nullopt;
  return ref->id;
}
template <class R>
std::optional<std::int64_t> id_of(const resource::Patch<R>& ref) {
  return id_of(ref.if_set());
}

// A referenced customer, site or user must belong to the caller's organization.
template <class T>
void check_references(store::OrgTx& tx, const T& w, resource::Problems& problems) {
  if (w.customer_id && !repo::customer_exists(tx, w.customer_id->id))
    problems.emplace("customer_id", "does not exist");
  if (w.site_id && !repo::site_exists(tx, w.site_id->id))
    problems.emplace("site_id", "does not exist");
  if (const auto user = id_of(w.assignee_id); user && !repo::active_user_exists(tx, *user))
    problems.emplace("assignee_id", "does not exist");
}

// `site` and `asset`: what the work order will point at once changed.
template <class T>
Outcome<void> checked(store::OrgTx& tx, const Input<T>& in, std::optional<std::int64_t> site,
                      std::optional<std::int64_t> asset) {
  auto problems = in.problems;
  check_references(tx, in.value(), problems);
  check_asset(tx, site, asset, problems);
  return resource::no_problems(problems);
}

// A visit is not (re)scheduled into the past: its customer would be texted
// a confirmation for a time already gone. The slack absorbs clocks and a
// form filled in slowly. Work done already is recorded with
// notify_customer: false, which texts nobody and may carry any start.
constexpr std::int64_t kPastStartSlackMs = 15 * 60'000;

Outcome<void> refuse_past_start(std::int64_t start_ms, bool notify_customer, std::int64_t now) {
  if (!notify_customer || start_ms >= now - kPastStartSlackMs) return {};
  return unexpected(ApiError(
      ErrorCode::validation_failed,
      "the start is more than 15 minutes in the past; to record work already done, "
      "send notify_customer: false (no texts are sent for it)",
      "scheduled_in_the_past", {{"scheduled_start", "is more than 15 minutes in the past"}}));
}

std::string status_text(WoStatus s) { return std::string(status_name(s)); }

}  // namespace

// Withdraws the visit's unsent confirmations and reminders, audited once.
void supersede_visit_texts(store::OrgTx& tx, const Caller& by, std::int64_t id,
                           std::string_view reason, std::int64_t now) {
  if (messaging::supersede_visit_messages(tx.connection(), tx.org_id(), id, reason, now) == 0)
    return;
  by.actor.record(tx.connection(), "sms.superseded", "work_order", id, {"status"});
}

// The customer's text goes out with the change or not at all (outbox).
void queue_text(store::OrgTx& tx, std::int64_t id, std::string kind, std::int64_t version,
                std::int64_t now) {
  auto key = kind + ":" + std::to_string(id) + ":v" + std::to_string(version);
  messaging::enqueue_for_work_order(tx.connection(), tx.org_id(), id, std::move(kind),
                                    std::move(key), now);
}

WorkOrderView view(WorkOrderView&& v, security::Role role) {
  const auto status = parse_status(v.status).value_or(WoStatus::open);
  v.allowed_transitions.moves = allowed_moves(status, role);
  return std::move(v);
}

Outcome<resource::Page<WorkOrderView>> list(store::OrgTx& tx, const Caller& by, WorkOrderQuery q) {
  // Technicians: their own work orders, whatever they ask for.
  if (by.technician()) q.assignee_id = by.user_id;
  // Due dates are the organization's local days, both ends included.
  if (q.due_after || q.due_before) {
    const auto zone = org::time_zone(tx);
    if (q.due_after) q.due_from = core::day_bounds(zone, *q.due_after).start_ms;
    if (q.due_before) q.due_until = core::day_bounds(zone, *q.due_before).end_ms;
  }
  auto rows = repo::list(tx, q);
  resource::Page<WorkOrderView> page;
  const auto limit = static_cast<std::size_t>(q.limit);
  if (rows.size() > limit) {
    rows.resize(limit);
    const auto& last = rows.back();
    page.next_cursor = list_cursor(q, repo::sort_key(last, q.sort, q.ascending), last.id);
  }
  for (auto& r : rows)
    r.allowed_transitions.moves =
        allowed_moves(parse_status(r.status).value_or(WoStatus::open), by.role);
  page.items = std::move(rows);
  return page;
}

Outcome<WorkOrderView> get(store::OrgTx& tx, const Caller& by, std::int64_t id) {
  BULWARK_TRY(auto row, find(tx, by, id));
  auto v = view(std::move(row), by.role);
  add_field_facts(tx, by.role, v);
  return v;
}

Outcome<WorkOrderView> create(store::OrgTx& tx, const Caller& by, const Input<NewWorkOrder>& in,
                              std::int64_t now) {
  const auto& w = in.value();
  BULWARK_TRY_VOID(checked(tx, in, id_of(w.site_id), id_of(w.asset_id)));
  if (w.scheduled_start)
    BULWARK_TRY_VOID(
        refuse_past_start(w.scheduled_start->ms, w.notify_customer.value_or(true), now));
  const auto status = w.scheduled_start && w.assignee_id ? WoStatus::scheduled : WoStatus::open;
  const auto id = repo::insert(tx, w, repo::next_number(tx), status_name(status), by.user_id, now);
  repo::add_history(tx, id, std::nullopt, status_name(status), by.user_id, now);
  copy_checklist_template(tx, id, w.type ? w.type->value : "corrective", now);
  by.actor.record(tx.connection(), "work_order.created", "work_order", id, in.read.present);
  if (status == WoStatus::scheduled) queue_text(tx, id, "confirmation", 1, now);
  return get(tx, by, id);
}

Outcome<WorkOrderView> change(store::OrgTx& tx, const Caller& by, std::int64_t id,
                              const Input<WorkOrderChange>& in, std::int64_t now) {
  if (by.technician())
    return unexpected(ApiError(ErrorCode::forbidden,
                               "technicians change a work order's status, not its details",
                               "technician_read_only_fields"));
  BULWARK_TRY(const auto current, find(tx, by, id));  // 404 before the body's problems
  const auto& c = in.value();
  const auto asset = c.asset_id.absent()   ? current.asset_id
                     : c.asset_id.is_set() ? std::optional(c.asset_id.value().id)
                                           : std::nullopt;
  BULWARK_TRY_VOID(checked(tx, in, c.site_id ? c.site_id->id : current.site_id, asset));
  const bool notify = c.notify_customer.value_or(current.notify_customer);
  // Only a different start is a reschedule (forms send every field).
  const bool rescheduled = c.scheduled_start && current.scheduled_start != c.scheduled_start;
  if (rescheduled) BULWARK_TRY_VOID(refuse_past_start(c.scheduled_start->ms, notify, now));
  BULWARK_TRY_VOID(repo::update(tx, id, c, notify, now));
  // A new appointment time for a scheduled visit: the customer is told
  // again, and what they were told before is withdrawn if still unsent.
  // Turning texts off for the work order withdraws them too.
  if (!notify) {
    supersede_visit_texts(tx, by, id, "notify_customer_off", now);
  } else if (rescheduled && current.status == status_name(WoStatus::scheduled)) {
    supersede_visit_texts(tx, by, id, "superseded_by_newer_confirmation", now);
    queue_text(tx, id, "confirmation", c.version.value + 1, now);
  }
  by.actor.record(tx.connection(), "work_order.updated", "work_order", id, in.read.present);
  return get(tx, by, id);
}

Outcome<WorkOrderView> transition(store::OrgTx& tx, const Caller& by, std::int64_t id,
                                  const Input<WorkOrderTransition>& in, std::int64_t now) {
  BULWARK_TRY(const auto current, find(tx, by, id));
  BULWARK_TRY_VOID(resource::no_problems(in.problems));
  const auto from = parse_status(current.status).value_or(WoStatus::open);
  const auto to = parse_status(in.value().to.value).value_or(WoStatus::open);
  if (!transition_allowed(from, to))
    return unexpected(
        ApiError(ErrorCode::conflict,
                 "a work order cannot go from " + status_text(from) + " to " + status_text(to),
                 "illegal_transition"));
  if (is_office_decision(to) && !may_decide(by.role))
    return unexpected(ApiError(ErrorCode::forbidden,
                               "cancelling or closing a work order is the office's decision",
                               "office_decision"));
  if (is_reopen(from, to) && !may_reopen(by.role))
    return unexpected(ApiError(ErrorCode::forbidden, "only a dispatcher can reopen a work order",
                               "reopen_needs_dispatcher"));
  // Scheduling puts the visit's start in front of the customer.
  if (to == WoStatus::scheduled && current.scheduled_start)
    BULWARK_TRY_VOID(refuse_past_start(current.scheduled_start->ms, current.notify_customer, now));
  // Nothing is completed while a required checklist item is open.
  if (to == WoStatus::completed) BULWARK_TRY_VOID(require_checklist_done(tx, id));
  const auto version = in.value().version.value;
  BULWARK_TRY_VOID(repo::set_status(tx, id, version, status_name(to), now));
  repo::add_history(tx, id, status_name(from), status_name(to), by.user_id, now);
  by.actor.record(tx.connection(), "work_order.status_changed", "work_order", id, {"status"});
  if (to == WoStatus::scheduled) {
    supersede_visit_texts(tx, by, id, "superseded_by_newer_confirmation", now);
    queue_text(tx, id, "confirmation", version + 1, now);
  } else if (to == WoStatus::cancelled) {
    supersede_visit_texts(tx, by, id, "work_order_cancelled", now);
  } else if (to == WoStatus::completed) {
    record_completion(tx, by, id, now);
    queue_text(tx, id, "completion", version + 1, now);
    // A visit scheduled from a service plan advances the plan, once.
    service_plans::record_plan_visit(tx, by.actor, id, now);
  }
  return get(tx, by, id);
}

Outcome<resource::Items<WorkOrderHistoryEntry>> history(store::OrgTx& tx, const Caller& by,
                                                        std::int64_t id) {
  if (!repo::visible(tx, id, scope_of(by))) return unexpected(no_such_work_order());
  resource::Items<WorkOrderHistoryEntry> out;
  for (auto& r : repo::history(tx, id))
    out.items.push_back({std::move(r.from_status), std::move(r.to_status), r.actor_id, r.at,
                         std::move(r.actor_name)});
  return out;
}

}  // namespace bulwark::domain::work_orders
