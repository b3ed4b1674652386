#pragma once
// The rules for work orders, callable from a unit test with no HTTP: every
// function runs inside the caller's organization-scoped transaction and
// audits what it changes (field names, never values). A technician reaches
// only the work orders assigned to them: any other is a 404, as another
// organization's is.
#include <chrono>
#include <optional>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/work_orders/field_model.hpp"
#include "domain/work_orders/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::work_orders {

template <class T>
using Outcome = Expected<T, ApiError>;

// A request body as read, with the problems found so far. The service adds
// the problems only the store can see (a reference to a customer, site or
// user of another organization) and reports them all at once, after it
// found the work order: another's is a 404 whatever the body says.
template <class T>
struct Input {
  const resource::Read<T>& read;
  resource::Problems problems;
  const T& value() const { return read.value; }
};

Outcome<resource::Page<WorkOrderView>> list(store::OrgTx& tx, const Caller& by, WorkOrderQuery q);
Outcome<WorkOrderView> get(store::OrgTx& tx, const Caller& by, std::int64_t id);
Outcome<WorkOrderView> create(store::OrgTx& tx, const Caller& by, const Input<NewWorkOrder>& in,
                              std::int64_t now);
// Details only: technicians move a work order's status, they do not edit it.
Outcome<WorkOrderView> change(store::OrgTx& tx, const Caller& by, std::int64_t id,
                              const Input<WorkOrderChange>& in, std::int64_t now);
// The life cycle of domain/work_order_status.hpp; the customer's texts
// (confirmation, completion) are queued in the same transaction.
Outcome<WorkOrderView> transition(store::OrgTx& tx, const Caller& by, std::int64_t id,
                                  const Input<WorkOrderTransition>& in, std::int64_t now);
Outcome<resource::Items<WorkOrderHistoryEntry>> history(store::OrgTx& tx, const Caller& by,
                                                        std::int64_t id);

// allowed_transitions: the moves `role` may make from the row's status.
WorkOrderView view(WorkOrderView&& v, security::Role role);

// What is recorded while working (items_service.cpp). Costs are billing
// data: hidden from technicians, who may not set them either. Time and
// parts stop changing once the work order's invoice is past draft (409
// work_order_invoiced); a draft invoice follows them.
Outcome<WorkOrderDetails> details(store::OrgTx& tx, const Caller& by, std::int64_t wo);
Outcome<CommentAdded> add_comment(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                  const Input<NewComment>& in, std::int64_t now);
Outcome<TimeEntryAdded> add_time_entry(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                       const Input<NewTimeEntry>& in, std::int64_t now);
Outcome<PartAdded> add_part(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                            const Input<NewPart>& in, std::int64_t now);
// The office sets or corrects a part's price, name or quantity.
Outcome<PartView> change_part(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                              std::int64_t part, const Input<PartChange>& in, std::int64_t now);

// The technician's visits today: the organization's local day (core/org_time).
Outcome<MyDay> my_day(store::OrgTx& tx, const Caller& by, std::int64_t now);
// `days` (7: a week, 1: a day) local days from `start` (default: this
// week's Monday, or today for one day), optionally of one technician, with
// the open work that has no date or no technician yet.
Outcome<DispatchWeek> dispatch_week(store::OrgTx& tx,
                                    std::optional<std::chrono::year_month_day> start,
                                    std::optional<std::int64_t> assignee, int days,
                                    std::int64_t now);

// The field facts (site_facts.cpp). Access notes: the office only.
bool sees_access_notes(security::Role role);
void add_field_facts(store::OrgTx& tx, security::Role role, WorkOrderView& v);
void add_field_facts(store::OrgTx& tx, MyDayItem& item);
// A work order's asset belongs to the organization and stands at its site.
void check_asset(store::OrgTx& tx, std::optional<std::int64_t> site,
                 std::optional<std::int64_t> asset, resource::Problems& problems);
// GET /assets/{id}/work-orders (asset_history.cpp).
Outcome<AssetWorkHistory> asset_history(store::OrgTx& tx, const Caller& by, std::int64_t asset);

}  // namespace bulwark::domain::work_orders
