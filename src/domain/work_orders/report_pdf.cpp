#include "domain/work_orders/report_pdf.hpp"

#include "domain/attachments/service.hpp"
#include "domain/org/logo.hpp"
#include "domain/org/service.hpp"
#include "domain/work_orders/checklist_service.hpp"
#include "render/format.hpp"

namespace bulwark::domain::work_orders {

namespace {

using render::Style;

// At most this many thumbnails: a report, not an album.
constexpr std::size_t kMaxPictures = 24;

// What an item recorded, as a person reads it: "1,000 gallons", "Pass".
std::string value_text(const ChecklistItemView& i) {
  if (!i.done) return "Not done";
  std::string value = i.value.value_or("");
  if (i.kind == "checkbox") return "Done";
  if (i.kind == "pass_fail") return value == "pass" ? "Pass" : value == "fail" ? "Fail" : value;
  if (i.kind == "number") return i.unit.empty() ? value : value + " " + i.unit;
  if (i.kind == "photo") return "Photo (below)";
  if (i.kind == "signature") return "Signed by " + value;
  return value;
}

std::vector<render::Picture> pictures(store::OrgTx& tx, const store::BlobStore& blobs,
                                      const Caller& by, std::int64_t wo,
                                      const std::vector<ChecklistItemView>& checklist) {
  std::vector<render::Picture> out;
  auto files = attachments::list(tx, by, {"work_order", wo});
  if (!files) return out;
  for (const auto& f : files->items) {
    if (!f.thumbnail_url || out.size() >= kMaxPictures) continue;
    // Thumbnails (JPEG, 320 px at most): enough for print, and light.
    auto thumb = attachments::content(tx, blobs, by, f.id, true);
    if (!thumb) continue;
    std::string caption = f.caption.empty() ? f.original_name : f.caption;
    for (const auto& i : checklist)
      if (i.attachment_id == f.id) {
        std::string labelled = i.label;
        if (!caption.empty()) labelled.append(": ").append(caption);
        caption = std::move(labelled);
      }
    out.push_back({std::move(thumb->data), std::move(caption)});
  }
  return out;
}

}  // namespace

Outcome<render::PdfFile> pump_out_report(store::OrgTx& tx, const store::BlobStore& blobs,
                                         const Caller& by, std::int64_t wo) {
  auto v = get(tx, by, wo);
  if (!v) return unexpected(std::move(v.error()));
  if (v->status != "completed" && v->status != "closed")
    return unexpected(ApiError(ErrorCode::conflict,
                               "the report is available once the work order is completed",
                               "work_order_not_completed"));
  auto org_settings = org::settings(tx);
  if (!org_settings) return unexpected(std::move(org_settings.error()));
  const auto& zone = org_settings->time_zone;
  auto work = details(tx, by, wo);
  if (!work) return unexpected(std::move(work.error()));
  const auto record = completion_record(tx, by, wo);  // none before issue 12's records
  const std::string number = v->number.text();

  render::Document doc(render::page_size_for_time_zone(zone), "Pump-out report " + number);
  if (const auto logo = org::logo(tx)) doc.logo(*logo);
  doc.text(org_settings->name, Style::heading);
  doc.title("Pump-out report " + number);
  std::string completed = "—";
  if (record)
    completed = render::long_date_time(zone, record->completed_at.ms);
  else if (v->completed_at)
    completed = render::long_date_time(zone, v->completed_at->ms);
  const std::string technician =
      record ? record->completed_by_name : v->assignee_name.value_or("—");
  std::vector<std::vector<std::string>> facts{
      {"Customer", v->customer_name.value_or("—")},    {"Site", v->site_name.value_or("—")},
      {"Site address", v->site_address.value_or("—")}, {"Work", v->title},
      {"Completed", completed + " (" + zone + ")"},    {"Technician", technician}};
  if (v->asset_name) facts.push_back({"Tank / asset", *v->asset_name});
  doc.table({{"", 1.3}, {"", 4}}, facts, {.header = false});

  doc.text("Checklist", Style::heading);
  std::vector<std::vector<std::string>> items;
  for (const auto& i : work->checklist) items.push_back({i.label, value_text(i)});
  if (items.empty()) items.push_back({"(no checklist items)", ""});
  doc.table({{"Item", 3}, {"Result", 2}}, items);

  doc.text("Notes", Style::heading);
  if (!v->description.empty()) doc.text(v->description);
  for (const auto& c : work->comments)
    doc.text(c.author_name + ", " + render::long_date_time(zone, c.created_at.ms) + ": " + c.body);
  if (v->description.empty() && work->comments.empty()) doc.text("(none)", Style::small);
  doc.space(6);

  if (auto pics = pictures(tx, blobs, by, wo, work->checklist); !pics.empty()) {
    doc.text("Photos and signature", Style::heading);
    doc.pictures(pics);
  }

  doc.text("Record fingerprint", Style::bold);
  if (record) {
    doc.text("SHA-256 " + record->sha256, Style::small);
    doc.text(record->matches ? "The record matches the work order as completed."
                             : "Warning: the record no longer matches the work order.",
             Style::small);
  } else {
    doc.text("No completion record was kept for this work order.", Style::small);
  }
  return render::PdfFile{"pump-out-report-" + number + ".pdf", doc.finish()};
}

}  // namespace bulwark::domain::work_orders
