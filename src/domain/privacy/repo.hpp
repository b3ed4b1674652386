#pragma once
// The SQL of a customer's export and erasure: every statement scoped to the
// caller's organization and to one customer (store::OrgSql).
// Note for the field-encryption work: these reads and writes touch the
// personal columns of customers, sites, messages and attachments directly;
// when the repositories start encrypting, move them behind those repos.
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/org_tx.hpp"

namespace bulwark::domain::privacy::repo {

struct Target {
  std::string name;
  bool erased = false;
};
std::optional<Target> find(store::OrgTx& tx, std::int64_t customer);

// The export's sections, each an array of row objects.
struct ExportRows {
  boost::json::array customer, sites, work_orders, comments, checklist, time, parts, messages,
      invoices, invoice_lines, consent, do_not_sell, privacy_requests, attachments;
};
ExportRows export_rows(store::OrgTx& tx, std::int64_t customer);

struct AttachmentKey {
  std::int64_t id = 0;
  std::string blob_key;
  bool has_thumbnail = false;
  std::string original_name;  // opened
  std::string row_key;        // '' before migration 0021: name and bytes plain
  std::int64_t blob_format = 0;
};
std::vector<AttachmentKey> attachment_keys(store::OrgTx& tx, std::int64_t customer);

// Each erasing step; each returns the rows it changed.
struct Erased {
  std::int64_t checklist_values = 0, attachments = 0, work_orders = 0, comments = 0, time_notes = 0,
               completion_records = 0, messages = 0, sites = 0, customers = 0, invoices = 0,
               privacy_request_notes = 0, emails = 0;
};
Erased erase_rows(store::OrgTx& tx, std::int64_t customer, std::int64_t now);
void record_erasure(store::OrgTx& tx, std::int64_t customer, std::int64_t by, std::int64_t now,
                    const std::string& reason);

}  // namespace bulwark::domain::privacy::repo
