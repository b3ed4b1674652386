#pragma once
// Checklist templates per work type (the office's settings) and a completed
// work order's record with whether it still matches its hash (the pump-out
// report's source). The rules are in domain/work_orders/checklist_service.hpp.
#include "api/work_order_handlers.hpp"
#include "domain/work_orders/checklist_model.hpp"

namespace bulwark::api {

Result<Items<wo::TemplateItemView>> list_checklist_templates(Ctx& ctx);
Result<Created<wo::TemplateItemView>> add_checklist_template_item(Ctx& ctx,
                                                                  LateBody<wo::NewTemplateItem> in);
Result<NoContent> delete_checklist_template_item(Ctx& ctx, PathId id);
Result<wo::CompletionRecordView> work_order_completion_record(Ctx& ctx, PathId id);

}  // namespace bulwark::api
