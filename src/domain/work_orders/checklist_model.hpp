#pragma once
// A work order's checklist, the templates new work orders copy it from, and
// the completion record (issue 12 item 5): what a request may send and what a
// view shows, described once (resource/fields.hpp).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/work_orders/amount.hpp"
#include "resource/fields.hpp"
#include "resource/read.hpp"

namespace bulwark::domain::work_orders {

// What an item asks for. checkbox: ticked; number: a figure in `unit`
// ("gallons pumped"); pass_fail: pass or fail; text: a note; photo: a photo
// attached to the work order; signature: the customer's signature (a PNG
// attached to the work order) and the signer's name.
inline constexpr std::array<std::string_view, 6> kItemKinds{"checkbox", "number", "pass_fail",
                                                            "text",     "photo",  "signature"};
inline constexpr std::array<std::string_view, 2> kResults{"pass", "fail"};
// The work types a template is for (model.hpp's kTypes, repeated so this
// header stands alone; a unit test keeps them equal).
inline constexpr std::array<std::string_view, 4> kTemplateTypes{"corrective", "preventive",
                                                                "inspection", "emergency"};

struct AttachmentRef {  // a photo or signature attached to the same work order
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "attachment";
};

// POST /work-orders/{id}/checklist; without a kind, an optional checkbox.
struct NewChecklistItem {
  resource::Text<300> label;
  std::optional<resource::OneOf<kItemKinds>> kind;
  std::optional<resource::Text<40, 0>> unit;
  std::optional<bool> required;
};
BULWARK_RESOURCE(NewChecklistItem, label, kind, unit, required)

using Measurement = Amount<-1'000'000'000, 1'000'000'000>;

// PATCH /work-orders/{id}/checklist/{item}: the member that fits the item's
// kind (number, result, text; attachment_id for a photo, attachment_id and
// text, the signer's name, for a signature), or done: false to clear it.
// A checkbox takes done.
struct ChecklistCheck {
  std::optional<bool> done;
  std::optional<Measurement> number;
  std::optional<resource::OneOf<kResults>> result;
  std::optional<resource::Text<2000, 0>> text;
  std::optional<resource::Ref<AttachmentRef>> attachment_id;
};
BULWARK_RESOURCE(ChecklistCheck, done, number, result, text, attachment_id)

// value: the number as entered, pass or fail, the text, the signer's name.
struct ChecklistItemView {
  std::int64_t id = 0;
  std::string label, kind, unit;
  bool required = false;
  bool done = false;
  std::optional<std::int64_t> done_by;
  std::optional<std::string> done_by_name;
  std::optional<std::string> value;
  std::optional<std::int64_t> attachment_id;
};
BULWARK_RESOURCE(ChecklistItemView, id, label, kind, unit, required, done, done_by, done_by_name,
                 value, attachment_id)

// --- templates: the office's list of items per work type ---

struct NewTemplateItem {  // POST /checklist-templates/items
  resource::OneOf<kTemplateTypes> work_type;
  resource::Text<300> label;
  std::optional<resource::OneOf<kItemKinds>> kind;
  std::optional<resource::Text<40, 0>> unit;
  std::optional<bool> required;
};
BULWARK_RESOURCE(NewTemplateItem, work_type, label, kind, unit, required)

struct TemplateItemView {
  std::int64_t id = 0;
  std::string work_type, label, kind, unit;
  bool required = false;
};
BULWARK_RESOURCE(TemplateItemView, id, work_type, label, kind, unit, required)

// --- the completion record ---

// GET /work-orders/{id}/completion-record. `record` is the canonical JSON
// that was hashed (sha256, also in the audit chain as audit_sha256);
// `matches` says whether the stored record, the audit entry and what the
// work order holds now (checklist values, attachment hashes) still agree;
// `problems` names what does not.
struct CompletionRecordView {
  std::int64_t work_order_id = 0;
  std::string record, sha256;
  std::optional<std::string> audit_sha256;
  std::int64_t completed_by = 0;
  std::string completed_by_name;
  resource::Time completed_at;
  bool matches = false;
  std::vector<std::string> problems;
  bool content_erased = false;  // the customer was erased: content gone, hash kept
};
BULWARK_RESOURCE(CompletionRecordView, work_order_id, record, sha256, audit_sha256, completed_by,
                 completed_by_name, completed_at, matches, problems, content_erased)

struct CompletionRow {
  std::int64_t id = 0;
  std::string record, sha256;
  std::int64_t completed_by = 0;
  std::string completed_by_name;
  std::int64_t completed_at = 0;
};
BOOST_DESCRIBE_STRUCT(CompletionRow, (),
                      (id, record, sha256, completed_by, completed_by_name, completed_at))

}  // namespace bulwark::domain::work_orders
