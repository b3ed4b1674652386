#pragma once
// The SQL of checklists, checklist templates and completion records
// (repo_checklist.cpp): named OrgSql constants, rows decoded by name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/work_orders/checklist_model.hpp"
#include "domain/work_orders/checklist_values.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::work_orders::checklist_repo {

std::vector<ChecklistItemView> items(store::OrgTx& tx, std::int64_t wo);
std::optional<ChecklistItemView> item(store::OrgTx& tx, std::int64_t wo, std::int64_t id);
struct NewItem {
  std::string label, kind, unit;
  bool required = false;
};
std::int64_t insert_item(store::OrgTx& tx, std::int64_t wo, const NewItem& item, std::int64_t now);
void set_entry(store::OrgTx& tx, std::int64_t wo, std::int64_t id, const ItemEntry& e,
               std::int64_t by, std::int64_t now);
// Required items not done yet, in checklist order.
std::vector<ChecklistItemView> open_required(store::OrgTx& tx, std::int64_t wo);

// An attachment of the work order, for a photo or signature item.
struct WorkOrderFile {
  std::int64_t id = 0;
  std::string mime, sha256;
};
BOOST_DESCRIBE_STRUCT(WorkOrderFile, (), (id, mime, sha256))
std::optional<WorkOrderFile> file_of(store::OrgTx& tx, std::int64_t wo, std::int64_t attachment);
std::vector<WorkOrderFile> files_of(store::OrgTx& tx, std::int64_t wo);

std::vector<TemplateItemView> template_items(store::OrgTx& tx);
std::int64_t insert_template_item(store::OrgTx& tx, std::string_view work_type, const NewItem& item,
                                  std::int64_t now);
std::optional<TemplateItemView> template_item(store::OrgTx& tx, std::int64_t id);
void delete_template_item(store::OrgTx& tx, std::int64_t id);
// A new work order of `work_type` starts with a copy of its template.
std::int64_t copy_template(store::OrgTx& tx, std::int64_t wo, std::string_view work_type,
                           std::int64_t now);
// A PM schedule's work order starts with a copy of its named template.
std::int64_t copy_named_template(store::OrgTx& tx, std::int64_t wo, std::int64_t template_id,
                                 std::int64_t now);

// Completion records.
struct WorkOrderHeader {
  std::int64_t id = 0, number = 0;
  std::string title, type;
};
BOOST_DESCRIBE_STRUCT(WorkOrderHeader, (), (id, number, title, type))
std::optional<WorkOrderHeader> header(store::OrgTx& tx, std::int64_t wo);
std::string user_name(store::OrgTx& tx, std::int64_t user);
void insert_completion(store::OrgTx& tx, std::int64_t wo, const std::string& record,
                       const std::string& sha256, std::int64_t by, std::int64_t now);
std::optional<CompletionRow> latest_completion(store::OrgTx& tx, std::int64_t wo);
// The fields of the newest completion audit entry of the work order.
std::optional<std::string> latest_completion_audit(store::OrgTx& tx, std::int64_t wo);

}  // namespace bulwark::domain::work_orders::checklist_repo
