#include "domain/privacy/service.hpp"

#include <boost/json.hpp>

#include "domain/privacy/attachment_files.hpp"
#include "domain/privacy/repo.hpp"
#include "privacy/erasure_ledger.hpp"
#include "privacy/zip_writer.hpp"

namespace bulwark::domain::privacy {

namespace {

ApiError no_such_customer() { return ApiError(ErrorCode::not_found, "no such customer"); }

// Work orders carry their comments, checklist, time and parts.
boost::json::array nest_work_orders(repo::ExportRows& e) {
  boost::json::array out;
  for (auto& w : e.work_orders) {
    auto& wo = w.as_object();
    const auto id = wo.at("id").as_int64();
    auto pick = [id](const boost::json::array& from) {
      boost::json::array mine;
      for (const auto& r : from)
        if (r.as_object().at("work_order_id").as_int64() == id) mine.push_back(r);
      return mine;
    };
    wo["comments"] = pick(e.comments);
    wo["checklist"] = pick(e.checklist);
    wo["time"] = pick(e.time);
    wo["parts"] = pick(e.parts);
    wo["attachments"] = pick(e.attachments);
    out.push_back(std::move(w));
  }
  return out;
}

boost::json::array nest_invoices(repo::ExportRows& e) {
  boost::json::array out;
  for (auto& i : e.invoices) {
    auto& inv = i.as_object();
    const auto id = inv.at("id").as_int64();
    boost::json::array lines;
    for (const auto& l : e.invoice_lines)
      if (l.as_object().at("invoice_id").as_int64() == id) lines.push_back(l);
    inv["lines"] = std::move(lines);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

Outcome<ExportFile> export_customer(store::OrgTx& tx, const store::BlobStore& blobs,
                                    const audit::Actor& by, std::int64_t customer,
                                    std::int64_t now) {
  if (!repo::find(tx, customer)) return unexpected(no_such_customer());
  auto e = repo::export_rows(tx, customer);
  std::vector<::bulwark::privacy::ZipEntry> files;
  for (auto& a : e.attachments) {
    auto& o = a.as_object();
    o["file"] = "attachments/" + std::to_string(o.at("id").as_int64()) + "-" +
                bulwark::privacy::zip_entry_name(std::string(o.at("original_name").as_string()));
  }
  for (const auto& k : repo::attachment_keys(tx, customer))
    if (auto bytes = k.row_key.empty() || k.blob_format == 0
                         ? blobs.get(tx, k.blob_key)
                         : blobs.get_opened(tx, k.blob_key, {"attachments", "blob", k.row_key}))
      files.push_back({"attachments/" + std::to_string(k.id) + "-" +
                           bulwark::privacy::zip_entry_name(k.original_name),
                       std::move(*bytes)});
  boost::json::object doc;
  doc["format"] = "bulwark.customer-export/1";
  doc["exported_at"] = now;
  doc["customer"] = e.customer.empty() ? boost::json::value() : e.customer[0];
  doc["sites"] = e.sites;
  doc["work_orders"] = nest_work_orders(e);
  doc["messages"] = e.messages;
  doc["invoices"] = nest_invoices(e);
  doc["sms_consent"] = e.consent;
  doc["do_not_sell_history"] = e.do_not_sell;
  doc["privacy_requests"] = e.privacy_requests;
  files.insert(files.begin(), {"customer.json", boost::json::serialize(doc)});
  by.record(tx.connection(), "customer.exported", "customer", customer);
  return ExportFile{"customer-" + std::to_string(customer) + "-export.zip",
                    ::bulwark::privacy::build_zip(files)};
}

Outcome<EraseCounts> erase_customer(store::OrgTx& tx, const store::BlobStore& blobs,
                                    const std::string& ledger_dir, const audit::Actor& by,
                                    std::int64_t customer, const EraseInput& body,
                                    std::int64_t now) {
  const auto target = repo::find(tx, customer);
  if (!target) return unexpected(no_such_customer());
  if (!body) return unexpected(body.error());
  const EraseRequest& in = (*body)->value;
  EraseCounts c;
  if (target->erased) {
    c.already_erased = true;
    return c;
  }
  if (in.confirm.value != target->name)
    return unexpected(ApiError(ErrorCode::unprocessable,
                               "type the customer's name exactly as it is stored to confirm",
                               "confirmation_mismatch", {{"confirm", "does not match the name"}}));
  const auto keys = repo::attachment_keys(tx, customer);
  const auto n = repo::erase_rows(tx, customer, now);
  repo::record_erasure(tx, customer, by.user_id.value_or(0), now, in.reason.value);
  by.record(tx.connection(), "customer.erased", "customer", customer,
            {"name", "phone", "email", "billing_address", "notes", "sites", "work_order_text",
             "messages", "emails", "attachments"});
  // The ledger before the files: it throws when it cannot be written, and the
  // transaction rolls back with nothing lost. A line whose transaction later
  // fails only makes a restore erase the customer again.
  ::bulwark::privacy::append(ledger_dir, {tx.org_id(), customer, now});
  // Files last: on SQLite they are gone at once, so everything that can
  // still fail and roll back comes first.
  c.blobs_deleted = remove_attachment_files(tx, blobs, keys);
  c.customers = n.customers;
  c.sites = n.sites;
  c.work_orders = n.work_orders;
  c.comments = n.comments;
  c.checklist_values = n.checklist_values;
  c.time_notes = n.time_notes;
  c.completion_records = n.completion_records;
  c.messages = n.messages;
  c.emails = n.emails;
  c.attachments = n.attachments;
  c.invoices_kept = n.invoices;
  c.privacy_request_notes = n.privacy_request_notes;
  return c;
}

}  // namespace bulwark::domain::privacy
