#pragma once
// Typed checklists (issue 12 item 5): items that ask for a tick, a number
// with its unit, pass or fail, a text, a photo or the customer's signature;
// the office's templates per work type that new work orders copy; and the
// completion rule and record (completion.cpp). Technicians reach only their
// own work orders; another's, like another organization's, is a 404.
#include <cstdint>
#include <string_view>

#include "domain/work_orders/checklist_model.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

Outcome<ChecklistItemView> add_checklist_item(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                              const Input<NewChecklistItem>& in, std::int64_t now);
// The member that fits the item's kind (checklist_values.hpp); a photo or
// signature must be an image attached to the same work order.
Outcome<ChecklistItemView> check_item(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                      std::int64_t item, const Input<ChecklistCheck>& in,
                                      std::int64_t now);

Outcome<resource::Items<TemplateItemView>> template_items(store::OrgTx& tx);
Outcome<TemplateItemView> add_template_item(store::OrgTx& tx, const audit::Actor& by,
                                            const Input<NewTemplateItem>& in, std::int64_t now);
Outcome<void> remove_template_item(store::OrgTx& tx, const audit::Actor& by, std::int64_t id);
// A new work order starts with its type's template (work already issued
// keeps its copy when the template changes).
void copy_checklist_template(store::OrgTx& tx, std::int64_t wo, std::string_view work_type,
                             std::int64_t now);

// Completion (completion.cpp): refused with 409 checklist_incomplete while a
// required item is open, naming them in `fields`; once completed, the record
// (checklist values, photo and signature hashes, technician, time) is stored
// as canonical JSON and its SHA-256 written into the audit chain.
Outcome<void> require_checklist_done(store::OrgTx& tx, std::int64_t wo);
void record_completion(store::OrgTx& tx, const Caller& by, std::int64_t wo, std::int64_t now);
Outcome<CompletionRecordView> completion_record(store::OrgTx& tx, const Caller& by,
                                                std::int64_t wo);

}  // namespace bulwark::domain::work_orders
