#pragma once
// What gets recorded on a work order while it is worked: comments,
// checklist items, time entries and parts used. The rules (technicians reach
// only their own work orders; part costs are billing data, hidden from
// technicians and set only by the office; time and parts stop changing once
// the invoice is past draft) live in domain/work_orders/items_service.cpp.
#include "api/work_order_handlers.hpp"

namespace bulwark::api {

using domain::work_orders::ChecklistCheck;
using domain::work_orders::ChecklistItemView;
using domain::work_orders::CommentAdded;
using domain::work_orders::NewChecklistItem;
using domain::work_orders::NewComment;
using domain::work_orders::NewPart;
using domain::work_orders::NewTimeEntry;
using domain::work_orders::PartAdded;
using domain::work_orders::PartChange;
using domain::work_orders::PartView;
using domain::work_orders::TimeEntryAdded;
using domain::work_orders::WorkOrderDetails;

Result<WorkOrderDetails> work_order_details(Ctx& ctx, PathId id);
Result<Created<CommentAdded>> add_comment(Ctx& ctx, PathId id, LateBody<NewComment> in);
Result<Created<ChecklistItemView>> add_checklist_item(Ctx& ctx, PathId id,
                                                      LateBody<NewChecklistItem> in);
Result<ChecklistItemView> set_checklist_item(Ctx& ctx, PathId id, PathInt<"item"> item,
                                             LateBody<ChecklistCheck> in);
Result<Created<TimeEntryAdded>> add_time_entry(Ctx& ctx, PathId id, LateBody<NewTimeEntry> in);
Result<Created<PartAdded>> add_part(Ctx& ctx, PathId id, LateBody<NewPart> in);
Result<PartView> update_part(Ctx& ctx, PathId id, PathInt<"part"> part, LateBody<PartChange> in);

}  // namespace bulwark::api
