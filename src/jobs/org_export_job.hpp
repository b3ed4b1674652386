#pragma once
// privacy.org_export {org_id, export_id}: builds an organization's whole
// export (domain/privacy/org_export_requests.hpp) on the jobs worker of any
// instance. The work is local (no outside service), so it is always ready.
#include "jobs/worker.hpp"

namespace bulwark::jobs {

JobResult build_org_export(const JobContext& ctx, const Job& job);

}  // namespace bulwark::jobs
