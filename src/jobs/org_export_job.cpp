#include "jobs/org_export_job.hpp"

#include "domain/privacy/org_export_requests.hpp"

namespace bulwark::jobs {

JobResult build_org_export(const JobContext& ctx, const Job& job) {
  const auto* org = job.payload.if_contains("org_id");
  const auto* id = job.payload.if_contains("export_id");
  if (!org || !id || !org->is_int64() || !id->is_int64())
    return {HttpVerdict::give_up, "invalid_payload"};
  const store::BlobStore blobs(ctx.config.data_dir);
  // A failed build is recorded on the export row (the owner sees "failed"
  // and starts again); retrying the same data would fail the same way.
  if (!domain::privacy::run_org_export(ctx.db, blobs, org->as_int64(), id->as_int64(), ctx.now_ms))
    return {HttpVerdict::give_up, "org_export_failed"};
  return {HttpVerdict::done, {}};
}

}  // namespace bulwark::jobs
