#include "api/checklist_handlers.hpp"

#include "domain/work_orders/checklist_service.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<Items<wo::TemplateItemView>> list_checklist_templates(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::template_items(tx); });
}

Result<Created<wo::TemplateItemView>> add_checklist_template_item(
    Ctx& ctx, LateBody<wo::NewTemplateItem> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return wo::add_template_item(tx, ctx.actor(), wo_input(in), ctx.now_ms());
  }));
}

Result<NoContent> delete_checklist_template_item(Ctx& ctx, PathId id) {
  return no_content(
      in_org(ctx, [&](OrgTx& tx) { return wo::remove_template_item(tx, ctx.actor(), id); }));
}

Result<wo::CompletionRecordView> work_order_completion_record(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::completion_record(tx, wo_caller(ctx), id); });
}

}  // namespace bulwark::api
