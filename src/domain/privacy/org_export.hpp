#pragma once
// "Export everything" (issue 13 item 8, GDPR Art. 20 for the organization
// itself): every table of the organization as JSON Lines plus the
// attachments' files, personal columns opened, in one ZIP. Used by
// `bulwark admin export` and by the export job behind /api/v1/org/export.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::privacy {

// Called after each table (and once more after the files, table "files").
struct ExportProgress {
  std::string_view table;
  std::int64_t rows = 0;  // rows of that table (files: files written)
  int tables_done = 0;
  int tables_total = 0;
};
using ExportProgressFn = std::function<void(const ExportProgress&)>;

struct OrgArchive {
  std::string zip;
  int tables = 0;
  std::int64_t rows = 0;
  std::int64_t files = 0;
};

// Archive layout: manifest.json (format, organization, time, rows per table,
// files), tables/<table>.jsonl (one JSON object per row; every value is the
// stored text or null, the same on both engines), attachments/<id>-<name>.
// Secrets (privacy/export_columns.hpp) are never written. Throws when a
// personal value does not open: an export must not hand out ciphertext.
OrgArchive build_org_export(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t now_ms,
                            const ExportProgressFn& progress = {});

}  // namespace bulwark::domain::privacy
