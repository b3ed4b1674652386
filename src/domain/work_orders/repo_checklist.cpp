// The SQL of checklists, their templates and completion records.
#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/visit_text.hpp"

namespace bulwark::domain::work_orders::checklist_repo {

namespace {

using store::OrgSql;

#define ITEM_SELECT                                                       \
  "SELECT k.id, k.label, k.kind, k.unit, k.required, k.done, k.done_by, " \
  "u.name AS done_by_name, k.value, k.attachment_id, k.row_key "          \
  "FROM work_order_checklist k "                                          \
  "LEFT JOIN users u ON u.org_id = $1 AND u.id = k.done_by "

constexpr OrgSql kItems(ITEM_SELECT "WHERE k.org_id = $1 AND k.work_order_id = $2 ORDER BY k.id");
constexpr OrgSql kItem(ITEM_SELECT "WHERE k.org_id = $1 AND k.work_order_id = $2 AND k.id = $3");
constexpr OrgSql kOpenRequired(ITEM_SELECT
                               "WHERE k.org_id = $1 AND k.work_order_id = $2 AND k.required = 1 "
                               "AND k.done = 0 ORDER BY k.id");
#undef ITEM_SELECT

constexpr OrgSql kInsertItem(
    "INSERT INTO work_order_checklist (org_id, work_order_id, label, kind, unit, required, "
    "created_at, row_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
// The value is sealed under the item's row key (one is given to an item
// from before migration 0024 when its value is set).
constexpr OrgSql kItemKey(
    "SELECT row_key FROM work_order_checklist WHERE org_id = $1 AND work_order_id = $2 "
    "AND id = $3");
// Who and when only while done. (Chosen in SQL: GCC 12 warns, falsely, that
// optionals made here and copied into the parameter list may be uninitialized.)
constexpr OrgSql kSetEntry(
    "UPDATE work_order_checklist SET done = $4, "
    "done_by = CASE WHEN $4 = 1 THEN CAST($5 AS BIGINT) END, "
    "done_at = CASE WHEN $4 = 1 THEN CAST($6 AS BIGINT) END, value = $7, "
    "attachment_id = $8, row_key = $9 WHERE org_id = $1 AND work_order_id = $2 AND id = $3");

constexpr OrgSql kFile(
    "SELECT id, mime, sha256 FROM attachments WHERE org_id = $1 AND owner_kind = 'work_order' "
    "AND owner_id = $2 AND id = $3");
constexpr OrgSql kFiles(
    "SELECT id, mime, sha256 FROM attachments WHERE org_id = $1 AND owner_kind = 'work_order' "
    "AND owner_id = $2 ORDER BY id");

constexpr OrgSql kTemplateItems(
    "SELECT id, work_type, label, kind, unit, required FROM checklist_template_items "
    "WHERE org_id = $1 AND template_id IS NULL ORDER BY work_type, id");
constexpr OrgSql kTemplateItem(
    "SELECT id, work_type, label, kind, unit, required FROM checklist_template_items "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsertTemplateItem(
    "INSERT INTO checklist_template_items (org_id, work_type, label, kind, unit, required, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id");
constexpr OrgSql kDeleteTemplateItem(
    "DELETE FROM checklist_template_items WHERE org_id = $1 AND id = $2");
// In the template's order (ids ascending), so the copy keeps it.
constexpr OrgSql kTemplateOf(
    "SELECT id, work_type, label, kind, unit, required FROM checklist_template_items "
    "WHERE org_id = $1 AND work_type = $2 AND template_id IS NULL ORDER BY id");
// A named template's items (migration 0033), for a PM schedule's work order.
constexpr OrgSql kNamedTemplate(
    "SELECT id, work_type, label, kind, unit, required FROM checklist_template_items "
    "WHERE org_id = $1 AND template_id = $2 ORDER BY id");

constexpr OrgSql kHeader(
    "SELECT id, number, title, type FROM work_orders "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kUserName("SELECT id, name FROM users WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsertCompletion(
    "INSERT INTO completion_records (org_id, work_order_id, record, sha256, completed_by, "
    "completed_at, row_key) VALUES ($1, $2, $3, $4, $5, $6, $7)");
constexpr OrgSql kLatestCompletion(
    "SELECT r.id, r.record, r.sha256, r.completed_by, u.name AS completed_by_name, "
    "r.completed_at, r.row_key FROM completion_records r "
    "JOIN users u ON u.org_id = $1 AND u.id = r.completed_by "
    "WHERE r.org_id = $1 AND r.work_order_id = $2 ORDER BY r.id DESC LIMIT 1");
constexpr OrgSql kLatestCompletionAudit(
    "SELECT seq AS id, fields FROM audit_log WHERE org_id = $1 "
    "AND action = 'work_order.completion_recorded' AND target_type = 'work_order' "
    "AND target_id = $2 ORDER BY seq DESC LIMIT 1");

struct NameRow {
  std::int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NameRow, (), (id, name))
struct FieldsRow {
  std::int64_t id = 0;
  std::string fields;
};
BOOST_DESCRIBE_STRUCT(FieldsRow, (), (id, fields))

// Checklist rows with their values opened.
std::vector<ChecklistItemView> opened_items(store::OrgTx& tx, const store::Result& result) {
  return decode_sealed(tx, result, "work_order_checklist", "value", &ChecklistItemView::value);
}

}  // namespace

std::vector<ChecklistItemView> items(store::OrgTx& tx, std::int64_t wo) {
  return opened_items(tx, tx.run(kItems, wo));
}
std::optional<ChecklistItemView> item(store::OrgTx& tx, std::int64_t wo, std::int64_t id) {
  auto rows = opened_items(tx, tx.run(kItem, wo, id));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
std::vector<ChecklistItemView> open_required(store::OrgTx& tx, std::int64_t wo) {
  return opened_items(tx, tx.run(kOpenRequired, wo));
}

std::int64_t insert_item(store::OrgTx& tx, std::int64_t wo, const NewItem& i, std::int64_t now) {
  return tx
      .one<repo::NewId>(kInsertItem, wo, i.label, i.kind, i.unit, i.required, now, tx.new_row_key())
      ->id;
}

void set_entry(store::OrgTx& tx, std::int64_t wo, std::int64_t id, const ItemEntry& e,
               std::int64_t by, std::int64_t now) {
  const auto row = tx.one<OwnRowKey>(kItemKey, wo, id);
  const auto key = row && row->row_key ? *row->row_key : tx.new_row_key();
  std::optional<std::string> value;
  if (e.value) value = tx.seal("work_order_checklist", "value", key, *e.value);
  tx.run(kSetEntry, wo, id, e.done, by, now, value, e.attachment_id, key);
}

std::optional<WorkOrderFile> file_of(store::OrgTx& tx, std::int64_t wo, std::int64_t attachment) {
  return tx.one<WorkOrderFile>(kFile, wo, attachment);
}
std::vector<WorkOrderFile> files_of(store::OrgTx& tx, std::int64_t wo) {
  return tx.all<WorkOrderFile>(kFiles, wo);
}

std::vector<TemplateItemView> template_items(store::OrgTx& tx) {
  return tx.all<TemplateItemView>(kTemplateItems);
}
std::int64_t insert_template_item(store::OrgTx& tx, std::string_view work_type, const NewItem& i,
                                  std::int64_t now) {
  return tx
      .one<repo::NewId>(kInsertTemplateItem, std::string(work_type), i.label, i.kind, i.unit,
                        i.required, now)
      ->id;
}
std::optional<TemplateItemView> template_item(store::OrgTx& tx, std::int64_t id) {
  return tx.one<TemplateItemView>(kTemplateItem, id);
}
void delete_template_item(store::OrgTx& tx, std::int64_t id) { tx.run(kDeleteTemplateItem, id); }
std::int64_t copy_template(store::OrgTx& tx, std::int64_t wo, std::string_view work_type,
                           std::int64_t now) {
  const auto items = tx.all<TemplateItemView>(kTemplateOf, std::string(work_type));
  for (const auto& t : items) insert_item(tx, wo, {t.label, t.kind, t.unit, t.required}, now);
  return static_cast<std::int64_t>(items.size());
}

std::int64_t copy_named_template(store::OrgTx& tx, std::int64_t wo, std::int64_t template_id,
                                 std::int64_t now) {
  const auto items = tx.all<TemplateItemView>(kNamedTemplate, template_id);
  for (const auto& t : items) insert_item(tx, wo, {t.label, t.kind, t.unit, t.required}, now);
  return static_cast<std::int64_t>(items.size());
}

std::optional<WorkOrderHeader> header(store::OrgTx& tx, std::int64_t wo) {
  return tx.one<WorkOrderHeader>(kHeader, wo);
}
std::string user_name(store::OrgTx& tx, std::int64_t user) {
  auto row = tx.one<NameRow>(kUserName, user);
  return row ? row->name : std::string();
}
void insert_completion(store::OrgTx& tx, std::int64_t wo, const std::string& record,
                       const std::string& sha256, std::int64_t by, std::int64_t now) {
  const auto sealed = seal_new(tx, "completion_records", "record", record);
  tx.run(kInsertCompletion, wo, sealed.text, sha256, by, now, sealed.row_key);
}
std::optional<CompletionRow> latest_completion(store::OrgTx& tx, std::int64_t wo) {
  auto rows = decode_sealed(tx, tx.run(kLatestCompletion, wo), "completion_records", "record",
                            &CompletionRow::record);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
std::optional<std::string> latest_completion_audit(store::OrgTx& tx, std::int64_t wo) {
  auto row = tx.one<FieldsRow>(kLatestCompletionAudit, std::to_string(wo));
  if (!row) return std::nullopt;
  return row->fields;
}

}  // namespace bulwark::domain::work_orders::checklist_repo
