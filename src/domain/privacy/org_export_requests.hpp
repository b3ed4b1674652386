#pragma once
// The asynchronous "export everything" (issue 13 item 8): an owner asks,
// the jobs worker of any instance builds the ZIP (org_export.hpp), seals it
// with the organization's data key and keeps it in the database; the owner
// downloads it within 24 hours. Every step is audited.
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/privacy/org_export_model.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::privacy {

inline constexpr std::string_view kOrgExportJob = "privacy.org_export";
// The reason of the error a download past its 24 hours gets (410 Gone).
inline constexpr std::string_view kExportExpired = "export_expired";

// Records the request and queues its job in the caller's transaction; also
// drops the archives of this organization whose links have expired.
Expected<OrgExportView, ApiError> request_org_export(store::OrgTx& tx, const audit::Actor& by,
                                                     std::int64_t now);
// Another organization's id is a 404, like a missing one.
Expected<OrgExportView, ApiError> org_export_status(store::OrgTx& tx, std::int64_t id,
                                                    std::int64_t now);

struct ExportDownload {
  std::string filename;
  std::string zip;
};
// 409 while not ready, ApiError with reason kExportExpired after 24 hours.
Expected<ExportDownload, ApiError> download_org_export(store::OrgTx& tx, const audit::Actor& by,
                                                       std::int64_t id, std::int64_t now);

// Deletes the sealed archives whose links have expired (their rows stay,
// status "expired", for the record).
void drop_expired_org_exports(store::OrgTx& tx, std::int64_t now);

// The job's work: builds, seals and stores the archive of export `id`,
// recording progress as it goes. Returns false (the row marked failed) when
// the build fails; a second run of a finished export does nothing.
bool run_org_export(store::Database& db, const store::BlobStore& blobs, std::int64_t org,
                    std::int64_t id, std::int64_t now);

}  // namespace bulwark::domain::privacy
