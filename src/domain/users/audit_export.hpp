#pragma once
// Exporting the audit log (issue 15 item 6) with the list's filters, as CSV
// for a spreadsheet (cells formula-guarded by core/csv) or JSON Lines for a
// SIEM or a script: one record per line, the same fields as the API. Newest
// first, like the list. Built in pages of the list's size and bounded, so
// one request cannot hold a whole multi-year log in memory: the answer says
// when it stopped early and where to go on (`before`).
#include <cstdint>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"

namespace bulwark::domain::users {

enum class AuditFormat { csv, jsonl };

struct AuditExport {
  std::string body;
  std::int64_t rows = 0;
  // Set when max_rows stopped it: the `before` of the rest.
  std::optional<std::int64_t> continue_before;
};

inline constexpr std::int64_t kMaxAuditExportRows = 100'000;

AuditExport export_audit(store::Database& db, audit::Query q, AuditFormat format,
                         std::int64_t max_rows = kMaxAuditExportRows);

}  // namespace bulwark::domain::users
