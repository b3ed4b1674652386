#pragma once
// Work orders and what is recorded on them while they are worked: what a
// request may send, what a view shows and the rows behind them, each
// described once (resource/fields.hpp).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/actor.hpp"
#include "domain/work_orders/amount.hpp"
#include "domain/work_orders/checklist_model.hpp"
#include "domain/work_orders/list_query.hpp"
#include "domain/work_orders/view_fields.hpp"
#include "resource/fields.hpp"
#include "resource/read.hpp"
#include "security/roles.hpp"

namespace bulwark::domain::work_orders {

using resource::Cents;
using resource::Int;
using resource::Name;
using resource::Omittable;
using resource::OneOf;
using resource::Ref;
using resource::Text;
using resource::Time;
using resource::Version;

inline constexpr std::array<std::string_view, 4> kTypes{"corrective", "preventive", "inspection",
                                                        "emergency"};
// A checklist template is per work type (checklist_model.hpp).
static_assert(kTypes == kTemplateTypes);
inline constexpr std::array<std::string_view, 4> kPriorities{"low", "medium", "high", "urgent"};
inline constexpr std::array<std::string_view, 7> kStatuses{
    "open", "scheduled", "in_progress", "on_hold", "completed", "closed", "cancelled"};

// What a work order may point at, checked against the caller's organization
// (resource::Ref<Tag> names Tag::noun in the OpenAPI document).
struct CustomerRef {
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "customer";
};
struct SiteRef {
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "site";
};
struct UserRef {
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "user";
};
struct PriceItemRef {  // an active item of the organization's price book
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "price_item";
};
struct AssetRef {  // an asset at the work order's site
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "asset";
};

// Who acts: the audit actor, and the role that decides what they see and may
// do (a technician reaches only the work orders assigned to them).
struct Caller {
  audit::Actor actor;
  std::int64_t user_id = 0;
  security::Role role = security::Role::viewer;
  bool technician() const { return role == security::Role::technician; }
};

using Hours = Amount<0, 10000>;

struct NewWorkOrder {  // POST /api/v1/work-orders
  Text<200> title;
  std::optional<Text<10000, 0>> description;
  std::optional<OneOf<kTypes>> type;
  std::optional<OneOf<kPriorities>> priority;
  std::optional<Ref<CustomerRef>> customer_id;
  std::optional<Ref<SiteRef>> site_id;
  std::optional<Ref<UserRef>> assignee_id;
  std::optional<Time> scheduled_start, scheduled_end, due_at;
  std::optional<Hours> estimated_hours;
  std::optional<bool> notify_customer;
  std::optional<Ref<AssetRef>> asset_id;
};
BULWARK_RESOURCE(NewWorkOrder, title, description, type, priority, customer_id, site_id,
                 assignee_id, scheduled_start, scheduled_end, due_at, estimated_hours,
                 notify_customer, asset_id)

// PATCH /api/v1/work-orders/{id}: a field left out is left as it is; most
// fields sent as null are too, but the assignee, the due date and the asset
// are cleared by null (a job dragged back to the dispatcher's queue has no
// technician; a due date can be withdrawn).
struct WorkOrderChange {
  std::optional<Text<200, 0>> title;
  std::optional<Text<10000, 0>> description;
  std::optional<OneOf<kTypes>> type;
  std::optional<OneOf<kPriorities>> priority;
  std::optional<Ref<CustomerRef>> customer_id;
  std::optional<Ref<SiteRef>> site_id;
  resource::Patch<Ref<UserRef>> assignee_id;  // null: nobody is assigned any more
  std::optional<Time> scheduled_start, scheduled_end;
  resource::Patch<Time> due_at;  // null: no due date any more
  std::optional<Hours> estimated_hours;
  std::optional<bool> notify_customer;
  Version version;
  resource::Patch<Ref<AssetRef>> asset_id;  // null: the work order is for no asset any more
};
BULWARK_RESOURCE(WorkOrderChange, title, description, type, priority, customer_id, site_id,
                 assignee_id, scheduled_start, scheduled_end, due_at, estimated_hours,
                 notify_customer, version, asset_id)

// A visit does not end before it starts.
template <class T>
requires std::is_same_v<T, NewWorkOrder> || std::is_same_v<T, WorkOrderChange>
void validate(const T& w, resource::Problems& problems) {
  if (w.scheduled_start && w.scheduled_end && w.scheduled_end->ms < w.scheduled_start->ms)
    problems.emplace("scheduled_end", "must not be before scheduled_start");
}

struct WorkOrderTransition {  // POST /api/v1/work-orders/{id}/transition
  OneOf<kStatuses> to;
  Version version;
};
BULWARK_RESOURCE(WorkOrderTransition, to, version)

// A work order as the API shows it, decoded straight from its row (the
// names a list shows come from joins); allowed_transitions is filled in by
// the service for the caller's role.
struct WorkOrderView {
  std::int64_t id = 0;
  WorkOrderNumber number;  // "WO-1042"
  std::string title, description, type, priority, status;
  StatusMoves allowed_transitions;  // the moves the caller's role may make
  std::optional<std::int64_t> customer_id, site_id, assignee_id;
  std::optional<Time> scheduled_start, scheduled_end, due_at;
  std::optional<double> estimated_hours;
  std::int64_t created_by = 0;
  Time created_at, updated_at;
  std::optional<Time> completed_at;
  std::int64_t version = 0;
  std::optional<std::string> customer_name, assignee_name;
  std::optional<Time> customer_confirmed_at;
  bool notify_customer = true;
  std::optional<std::int64_t> asset_id;
  // What the one work order's page shows (left empty in lists): names and
  // the field facts (site_facts.cpp). The access notes only for the office;
  // anyone else sees access_hidden (the assigned technician reveals them).
  std::optional<std::string> site_name, site_address, asset_name, customer_phone;
  Omittable<std::string> access_notes, gate_code;
  bool access_hidden = false;
  // Whether a visit text (on the way, confirmation) would reach the
  // customer; if not, why: no_phone, customer_opted_out, not_notified.
  bool customer_textable = false;
  std::optional<std::string> customer_text_blocker;
  // A visit scheduled from a service plan: completing it records the visit
  // on the plan (domain/service_plans/visits.hpp). The title on one work
  // order's page only.
  std::optional<std::int64_t> service_plan_id;
  std::optional<std::string> service_plan_title;
};
BULWARK_RESOURCE(WorkOrderView, id, number, title, description, type, priority, status,
                 allowed_transitions, customer_id, site_id, assignee_id, scheduled_start,
                 scheduled_end, due_at, estimated_hours, created_by, created_at, updated_at,
                 completed_at, version, customer_name, assignee_name, customer_confirmed_at,
                 notify_customer, asset_id, site_name, site_address, asset_name, customer_phone,
                 access_notes, gate_code, access_hidden, customer_textable, customer_text_blocker,
                 service_plan_id, service_plan_title)

struct WorkOrderHistoryEntry {
  std::optional<std::string> from;
  std::string to;
  std::optional<std::int64_t> actor_id;
  Time at;
  std::optional<std::string> actor_name;
};
BULWARK_RESOURCE(WorkOrderHistoryEntry, from, to, actor_id, at, actor_name)

struct HistoryRow {
  std::optional<std::string> from_status;
  std::string to_status;
  std::optional<std::int64_t> actor_id;
  Time at;
  std::optional<std::string> actor_name;
};
BOOST_DESCRIBE_STRUCT(HistoryRow, (), (from_status, to_status, actor_id, at, actor_name))

// --- what is recorded while working ---

struct NewComment {
  Text<5000> body;
};
BULWARK_RESOURCE(NewComment, body)

struct NewTimeEntry {
  Int<1, 24 * 60> minutes;
  std::optional<Text<1000, 0>> note;
};
BULWARK_RESOURCE(NewTimeEntry, minutes, note)

using Quantity = Amount<0, 1000000, true>;

// A part or a line item: either named (priced by the office), or taken from
// the price book (price_item_id: its name, unit and price are copied).
struct NewPart {
  std::optional<Text<200>> name;
  Quantity quantity;
  std::optional<Cents> unit_cost_cents;
  std::optional<Ref<PriceItemRef>> price_item_id;
};
BULWARK_RESOURCE(NewPart, name, quantity, unit_cost_cents, price_item_id)

struct PartChange {  // the office corrects a part (send at least one field)
  std::optional<Name<200>> name;
  std::optional<Quantity> quantity;
  std::optional<Cents> unit_cost_cents;
};
BULWARK_RESOURCE(PartChange, name, quantity, unit_cost_cents)

struct CommentView {
  std::int64_t id = 0;
  std::int64_t author_id = 0;
  std::string author_name, body;
  Time created_at;
};
BULWARK_RESOURCE(CommentView, id, author_id, author_name, body, created_at)

struct TimeEntryView {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t minutes = 0;
  std::string note;
  Time created_at;
};
BULWARK_RESOURCE(TimeEntryView, id, user_id, minutes, note, created_at)

// Costs are billing data: left out for technicians.
// price_item_id and unit: set on a line item from the price book.
struct PartView {
  std::int64_t id = 0;
  std::string name;
  double quantity = 0;
  Omittable<std::int64_t> unit_cost_cents;
  Omittable<std::string> currency;
  std::optional<std::int64_t> price_item_id;
  std::optional<std::string> unit;
};
BULWARK_RESOURCE(PartView, id, name, quantity, unit_cost_cents, currency, price_item_id, unit)

struct PartRow {
  std::int64_t id = 0;
  std::string name;
  double quantity = 0;
  std::int64_t unit_cost_cents = 0;
  std::string currency;
  std::optional<std::int64_t> price_item_id;
  std::optional<std::string> unit;
};
BOOST_DESCRIBE_STRUCT(PartRow, (),
                      (id, name, quantity, unit_cost_cents, currency, price_item_id, unit))

struct WorkOrderDetails {
  std::vector<CommentView> comments;
  std::vector<ChecklistItemView> checklist;
  std::vector<TimeEntryView> time_entries;
  std::vector<PartView> parts;
};
BULWARK_RESOURCE(WorkOrderDetails, comments, checklist, time_entries, parts)

// What a new record's reply shows.
struct CommentAdded {
  std::int64_t id = 0;
  std::string body;
  std::int64_t author_id = 0;
};
BULWARK_RESOURCE(CommentAdded, id, body, author_id)

struct TimeEntryAdded {
  std::int64_t id = 0;
  std::int64_t minutes = 0;
  std::string note;
};
BULWARK_RESOURCE(TimeEntryAdded, id, minutes, note)

struct PartAdded {
  std::int64_t id = 0;
  std::string name;
  double quantity = 0;
  Omittable<std::int64_t> unit_cost_cents;
  std::optional<std::int64_t> price_item_id;
  std::optional<std::string> unit;
};
BULWARK_RESOURCE(PartAdded, id, name, quantity, unit_cost_cents, price_item_id, unit)

// --- the dispatcher's board and the technician's day ---

struct DispatchItem {
  std::int64_t id = 0;
  std::string number;
  std::string title, status, priority;
  std::optional<std::int64_t> assignee_id;
  std::optional<Time> scheduled_start, scheduled_end, due_at;
  std::optional<std::string> customer_name, site_address;
  std::int64_t version = 0;
  std::optional<Time> customer_confirmed_at;
};
BULWARK_RESOURCE(DispatchItem, id, number, title, status, priority, assignee_id, scheduled_start,
                 scheduled_end, due_at, customer_name, site_address, version, customer_confirmed_at)

struct BoardRow {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string title, status, priority;
  std::optional<std::int64_t> assignee_id;
  std::optional<Time> scheduled_start, scheduled_end, due_at;
  std::optional<std::string> customer_name, site_address;  // sealed until opened
  std::int64_t version = 0;
  std::optional<Time> customer_confirmed_at;
  std::optional<std::string> customer_row_key, site_row_key;
};
BOOST_DESCRIBE_STRUCT(BoardRow, (),
                      (id, number, title, status, priority, assignee_id, scheduled_start,
                       scheduled_end, due_at, customer_name, site_address, version,
                       customer_confirmed_at, customer_row_key, site_row_key))

struct DispatchTechnician {
  std::int64_t id = 0;
  std::string name;
};
BULWARK_RESOURCE(DispatchTechnician, id, name)

struct DispatchWeek {
  std::string start;              // YYYY-MM-DD, a Monday unless asked otherwise
  std::vector<std::string> days;  // the seven dates
  std::vector<DispatchTechnician> technicians;
  std::vector<DispatchItem> items;
  bool truncated = false;  // more than the answer holds: narrow by technician
  std::vector<DispatchItem> unplanned;
};
BULWARK_RESOURCE(DispatchWeek, start, days, technicians, items, truncated, unplanned)

struct MyDayItem {
  std::int64_t id = 0;
  std::string number;
  std::string title, status, priority;
  Time scheduled_start;
  std::optional<Time> scheduled_end;
  std::optional<std::string> customer_name, site_address;
  // The field facts of the job (site_facts.cpp): the access notes stay
  // hidden until the technician reveals them.
  std::optional<std::int64_t> site_id, asset_id;
  std::optional<std::string> site_name, asset_name, customer_phone;
  bool access_hidden = false;
};
BULWARK_RESOURCE(MyDayItem, id, number, title, status, priority, scheduled_start, scheduled_end,
                 customer_name, site_address, site_id, asset_id, site_name, asset_name,
                 customer_phone, access_hidden)

struct MyDay {
  std::string date;
  std::vector<MyDayItem> items;
};
BULWARK_RESOURCE(MyDay, date, items)

}  // namespace bulwark::domain::work_orders
