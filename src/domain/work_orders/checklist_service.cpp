// Typed checklist items and the office's templates.
#include "domain/work_orders/checklist_service.hpp"

#include "core/try.hpp"
#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/repo.hpp"

namespace bulwark::domain::work_orders {

namespace {

namespace cr = checklist_repo;

Outcome<void> require_work_order(store::OrgTx& tx, const Caller& by, std::int64_t wo) {
  const auto scope = by.technician() ? repo::Scope(by.user_id) : std::nullopt;
  if (!repo::visible(tx, wo, scope))
    return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  return {};
}

template <class T>
cr::NewItem new_item(const T& in) {
  return {in.label.value, in.kind ? in.kind->value : "checkbox", in.unit ? in.unit->value : "",
          in.required.value_or(false)};
}

// A unit belongs to a number ("gallons pumped"); elsewhere it would be shown
// beside nothing.
template <class T>
void check_unit(const T& in, resource::Problems& problems) {
  const bool number = in.kind && in.kind->value == "number";
  if (in.unit && !in.unit->value.empty() && !number)
    problems.emplace("unit", "only a number item has a unit");
}

// A photo or signature item is answered by an image of the same work order.
void check_file(store::OrgTx& tx, std::int64_t wo, const ItemEntry& e,
                resource::Problems& problems) {
  if (!e.attachment_id) return;
  auto file = cr::file_of(tx, wo, *e.attachment_id);
  if (!file)
    problems.emplace("attachment_id", "is not an attachment of this work order");
  else if (!file->mime.starts_with("image/"))
    problems.emplace("attachment_id", "is not an image");
}

}  // namespace

Outcome<ChecklistItemView> add_checklist_item(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                              const Input<NewChecklistItem>& in, std::int64_t now) {
  BULWARK_TRY_VOID(require_work_order(tx, by, wo));
  auto problems = in.problems;
  check_unit(in.value(), problems);
  BULWARK_TRY_VOID(resource::no_problems(problems));
  const auto id = cr::insert_item(tx, wo, new_item(in.value()), now);
  by.actor.record(tx.connection(), "work_order.checklist_added", "work_order", wo, in.read.present);
  return *cr::item(tx, wo, id);
}

Outcome<ChecklistItemView> check_item(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                      std::int64_t item, const Input<ChecklistCheck>& in,
                                      std::int64_t now) {
  BULWARK_TRY_VOID(require_work_order(tx, by, wo));
  auto current = cr::item(tx, wo, item);
  if (!current) return unexpected(ApiError(ErrorCode::not_found, "no such checklist item"));
  BULWARK_TRY_VOID(resource::no_problems(in.problems));
  auto entry = entry_for(current->kind, in.value());
  if (!entry) return unexpected(resource::no_problems(entry.error()).error());
  resource::Problems problems;
  check_file(tx, wo, *entry, problems);
  BULWARK_TRY_VOID(resource::no_problems(problems));
  cr::set_entry(tx, wo, item, *entry, by.user_id, now);
  // Field names only: the values (a signer's name) stay out of the audit log.
  by.actor.record(tx.connection(), "work_order.checklist_checked", "work_order", wo,
                  in.read.present);
  return *cr::item(tx, wo, item);
}

Outcome<resource::Items<TemplateItemView>> template_items(store::OrgTx& tx) {
  return resource::Items<TemplateItemView>{cr::template_items(tx)};
}

Outcome<TemplateItemView> add_template_item(store::OrgTx& tx, const audit::Actor& by,
                                            const Input<NewTemplateItem>& in, std::int64_t now) {
  auto problems = in.problems;
  check_unit(in.value(), problems);
  BULWARK_TRY_VOID(resource::no_problems(problems));
  const auto id =
      cr::insert_template_item(tx, in.value().work_type.value, new_item(in.value()), now);
  by.record(tx.connection(), "checklist_template.item_added", "checklist_template_item", id,
            in.read.present);
  return *cr::template_item(tx, id);
}

Outcome<void> remove_template_item(store::OrgTx& tx, const audit::Actor& by, std::int64_t id) {
  if (!cr::template_item(tx, id))
    return unexpected(ApiError(ErrorCode::not_found, "no such template item"));
  cr::delete_template_item(tx, id);
  by.record(tx.connection(), "checklist_template.item_removed", "checklist_template_item", id);
  return {};
}

void copy_checklist_template(store::OrgTx& tx, std::int64_t wo, std::string_view work_type,
                             std::int64_t now) {
  cr::copy_template(tx, wo, work_type, now);
}

}  // namespace bulwark::domain::work_orders
