#include "api/work_order_items.hpp"

#include "domain/work_orders/checklist_service.hpp"

namespace bulwark::api {

namespace wo = domain::work_orders;
using store::OrgTx;

Result<WorkOrderDetails> work_order_details(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::details(tx, wo_caller(ctx), id); });
}

Result<Created<CommentAdded>> add_comment(Ctx& ctx, PathId id, LateBody<NewComment> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return wo::add_comment(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  }));
}

Result<Created<ChecklistItemView>> add_checklist_item(Ctx& ctx, PathId id,
                                                      LateBody<NewChecklistItem> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return wo::add_checklist_item(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  }));
}

Result<ChecklistItemView> set_checklist_item(Ctx& ctx, PathId id, PathInt<"item"> item,
                                             LateBody<ChecklistCheck> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return wo::check_item(tx, wo_caller(ctx), id, item, wo_input(in), ctx.now_ms());
  });
}

Result<Created<TimeEntryAdded>> add_time_entry(Ctx& ctx, PathId id, LateBody<NewTimeEntry> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return wo::add_time_entry(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  }));
}

Result<Created<PartAdded>> add_part(Ctx& ctx, PathId id, LateBody<NewPart> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return wo::add_part(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  }));
}

// The route needs invoices.manage: never a technician.
Result<PartView> update_part(Ctx& ctx, PathId id, PathInt<"part"> part, LateBody<PartChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return wo::change_part(tx, wo_caller(ctx), id, part, wo_input(in), ctx.now_ms());
  });
}

}  // namespace bulwark::api
