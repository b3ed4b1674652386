#pragma once
// An organization's export request as the owner sees it (GET
// /api/v1/org/export/{id}): where the job is, and the link once it is ready.
#include <cstdint>
#include <optional>
#include <string>

#include "resource/fields.hpp"

namespace bulwark::domain::privacy {

// The download link works for 24 hours after the archive is ready.
inline constexpr std::int64_t kOrgExportLifetimeMs = 24LL * 3600 * 1000;

struct OrgExportView {
  std::int64_t id = 0;
  std::string status;  // queued | running | ready | failed | expired
  std::int64_t tables_done = 0, tables_total = 0, rows = 0, files = 0, size_bytes = 0;
  std::int64_t requested_by = 0;
  std::optional<std::string> requested_by_name;
  resource::Time created_at;
  std::optional<resource::Time> ready_at;
  std::optional<resource::Time> expires_at;
  std::optional<std::string> download_url;  // while ready and not expired
  std::optional<std::string> error;         // a short code when failed
};
BULWARK_RESOURCE(OrgExportView, id, status, tables_done, tables_total, rows, files, size_bytes,
                 requested_by, requested_by_name, created_at, ready_at, expires_at, download_url,
                 error)

}  // namespace bulwark::domain::privacy
