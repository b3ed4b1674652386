#pragma once
// Named checklist templates (issue 14 item 7): "Compressor 2,000 h service"
// with its items, which a PM schedule points at (checklist_template_id) and
// each of its generated work orders copies. The per-work-type templates of
// issue 12 stay as they were (template_id NULL in checklist_template_items).
#include <cstdint>
#include <string>
#include <vector>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/work_orders/checklist_model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::pm {

struct NewChecklistPlan {  // POST /api/v1/pm-checklists, and PATCH /{id} to rename
  resource::Name<200> name;
};
BULWARK_RESOURCE(NewChecklistPlan, name)

struct ChecklistPlanView {
  std::int64_t id = 0;
  std::string name;
  std::vector<work_orders::TemplateItemView> items;
};
BULWARK_RESOURCE(ChecklistPlanView, id, name, items)

Expected<resource::Items<ChecklistPlanView>, ApiError> checklist_plans(store::OrgTx& tx);
Expected<ChecklistPlanView, ApiError> create_checklist_plan(
    store::OrgTx& tx, const audit::Actor& by, const resource::Read<NewChecklistPlan>& in,
    std::int64_t now);
// An item as a work order's checklist takes it (label, kind, unit, required).
// Another organization's template is a 404 whatever the body says.
Expected<ChecklistPlanView, ApiError> add_checklist_plan_item(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t plan,
    const Expected<const resource::Read<work_orders::NewChecklistItem>*, ApiError>& in,
    std::int64_t now);

// A new name; the schedules that use the template keep pointing at it.
Expected<ChecklistPlanView, ApiError> rename_checklist_plan(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t plan,
    const Expected<const resource::Read<NewChecklistPlan>*, ApiError>& in);
// Removes one item; work orders already made keep their copy of it.
Expected<ChecklistPlanView, ApiError> remove_checklist_plan_item(store::OrgTx& tx,
                                                                 const audit::Actor& by,
                                                                 std::int64_t plan,
                                                                 std::int64_t item);
// Deletes the template and its items. One a PM schedule still uses is 409
// checklist_in_use (the schedule would lose its checklist without a word);
// work orders already made keep their copies.
Expected<void, ApiError> delete_checklist_plan(store::OrgTx& tx, const audit::Actor& by,
                                               std::int64_t plan);

}  // namespace bulwark::domain::pm
