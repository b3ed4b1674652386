// Completion that an inspector would accept: refused while a required
// checklist item is open; once completed, what the work order recorded is
// written as canonical JSON, hashed, and the hash put in the audit chain, so
// an edit of the record, or of the checklist or files it describes, shows.
#include <boost/json.hpp>

#include "core/try.hpp"
#include "crypto/random.hpp"
#include "domain/privacy/model.hpp"
#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/checklist_service.hpp"
#include "domain/work_orders/repo.hpp"

namespace bulwark::domain::work_orders {

namespace {

namespace cr = checklist_repo;

constexpr std::string_view kAuditPrefix = "record_sha256:";

boost::json::value optional_json(const auto& o) {
  if (!o) return nullptr;
  return boost::json::value(*o);
}

// The record: the same inputs give the same bytes (boost::json keeps the
// order members were inserted in), so rebuilding it later and comparing
// shows whether anything it describes changed.
std::string build_record(store::OrgTx& tx, std::int64_t wo, std::int64_t by_id,
                         const std::string& by_name, std::int64_t at) {
  const auto h = cr::header(tx, wo).value_or(cr::WorkOrderHeader{});
  const auto files = cr::files_of(tx, wo);
  auto sha_of = [&](std::optional<std::int64_t> id) -> boost::json::value {
    for (const auto& f : files)
      if (id && f.id == *id) return boost::json::value(f.sha256);
    return nullptr;
  };
  boost::json::array checklist;
  for (const auto& i : cr::items(tx, wo))
    checklist.push_back(boost::json::object{{"id", i.id},
                                            {"label", i.label},
                                            {"kind", i.kind},
                                            {"unit", i.unit},
                                            {"required", i.required},
                                            {"done", i.done},
                                            {"value", optional_json(i.value)},
                                            {"attachment_sha256", sha_of(i.attachment_id)},
                                            {"done_by", optional_json(i.done_by)}});
  boost::json::array attachments;
  for (const auto& f : files)
    attachments.push_back(
        boost::json::object{{"id", f.id}, {"mime", f.mime}, {"sha256", f.sha256}});
  boost::json::object record{
      {"format", "bulwark.completion.v1"},
      {"work_order", boost::json::object{{"id", h.id},
                                         {"number", "WO-" + std::to_string(h.number)},
                                         {"title", h.title},
                                         {"type", h.type}}},
      {"completed_by", boost::json::object{{"id", by_id}, {"name", by_name}}},
      {"completed_at_ms", at},
      {"checklist", std::move(checklist)},
      {"attachments", std::move(attachments)}};
  return boost::json::serialize(record);
}

}  // namespace

Outcome<void> require_checklist_done(store::OrgTx& tx, std::int64_t wo) {
  const auto open = cr::open_required(tx, wo);
  if (open.empty()) return {};
  std::map<std::string, std::string> fields;
  std::string names;
  for (const auto& i : open) {
    fields.emplace("checklist." + std::to_string(i.id), i.label);
    names += (names.empty() ? "" : ", ") + i.label;
  }
  return unexpected(ApiError(ErrorCode::conflict, "required checklist items are open: " + names,
                             "checklist_incomplete", std::move(fields)));
}

void record_completion(store::OrgTx& tx, const Caller& by, std::int64_t wo, std::int64_t now) {
  const auto record = build_record(tx, wo, by.user_id, cr::user_name(tx, by.user_id), now);
  const auto sha = crypto::sha256_hex(record);
  cr::insert_completion(tx, wo, record, sha, by.user_id, now);
  // The audit entry lists field names, never values; the record's digest is
  // neither a value nor personal data, and putting it in the chain is what
  // makes a later edit of the record evident.
  by.actor.record(tx.connection(), "work_order.completion_recorded", "work_order", wo,
                  {std::string(kAuditPrefix) + sha});
}

Outcome<CompletionRecordView> completion_record(store::OrgTx& tx, const Caller& by,
                                                std::int64_t wo) {
  const auto scope = by.technician() ? repo::Scope(by.user_id) : std::nullopt;
  if (!repo::visible(tx, wo, scope))
    return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  auto row = cr::latest_completion(tx, wo);
  if (!row)
    return unexpected(
        ApiError(ErrorCode::not_found, "this work order has not been completed", "not_completed"));
  CompletionRecordView v;
  v.work_order_id = wo;
  v.record = row->record;
  v.sha256 = row->sha256;
  v.completed_by = row->completed_by;
  v.completed_by_name = row->completed_by_name;
  v.completed_at.ms = row->completed_at;
  if (auto fields = cr::latest_completion_audit(tx, wo);
      fields && fields->starts_with(kAuditPrefix))
    v.audit_sha256 = fields->substr(kAuditPrefix.size());
  // An erased customer's record (domain/privacy): its content is gone on
  // purpose, the hash stays; that is not tampering.
  if (row->record == privacy::kErasedCompletionRecord) {
    v.content_erased = true;
    if (v.audit_sha256 != row->sha256)
      v.problems.emplace_back("the audit chain does not hold this record's hash");
    v.matches = false;
    return v;
  }
  if (crypto::sha256_hex(row->record) != row->sha256)
    v.problems.emplace_back("the stored record does not match its hash");
  if (v.audit_sha256 != row->sha256)
    v.problems.emplace_back("the audit chain does not hold this record's hash");
  // Rebuilt with the name the record holds: a later rename of the user is
  // not an edit of what was recorded.
  const auto stored = boost::json::parse(row->record, boost::json::storage_ptr(), {});
  std::string name;
  if (const auto* o = stored.if_object())
    if (const auto* who = o->if_contains("completed_by"); who && who->is_object())
      if (const auto* n = who->as_object().if_contains("name"); n && n->is_string())
        name = std::string(n->as_string());
  if (build_record(tx, wo, row->completed_by, name, row->completed_at) != row->record)
    v.problems.emplace_back("the checklist or attachments changed after completion");
  v.matches = v.problems.empty();
  return v;
}

}  // namespace bulwark::domain::work_orders
