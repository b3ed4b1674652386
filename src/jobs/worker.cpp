#include "jobs/worker.hpp"

#include "domain/privacy/org_export_requests.hpp"
#include "identity/clock.hpp"
#include "jobs/org_export_job.hpp"
#include "jobs/stripe_jobs.hpp"
#include "logging/log.hpp"
#include "mail/send_job.hpp"

namespace bulwark::jobs {

namespace {

void run_one(const JobContext& ctx, const JobHandler& handler, const WorkerOptions& options,
             const Job& job, WorkerReport& report) {
  if (job.attempts > options.max_attempts) {
    // A worker died holding it on its last attempt: that attempt counts.
    fail_job(ctx.db, job, "attempts_exhausted", ctx.now_ms);
    ++report.failed;
    return;
  }
  JobResult result;
  try {
    result = handler.run(ctx, job);
  } catch (const std::exception& e) {
    // Unexpected (the database, a bug): leave the claim; the lease brings it back.
    logging::warn("job failed", {{logging::Field::name, handler.kind},
                                 {logging::Field::reason, std::string_view(e.what())}});
    return;
  }
  const auto now = identity::now_ms();
  switch (result.verdict) {
    case HttpVerdict::done:
      complete_job(ctx.db, job, now);
      ++report.done;
      return;
    case HttpVerdict::retry:
      if (job.attempts < options.max_attempts) {
        retry_job(ctx.db, job, result.error, now + retry_delay_ms(job.attempts, options.retry_base),
                  now);
        ++report.retried;
        break;
      }
      [[fallthrough]];
    case HttpVerdict::give_up:
      fail_job(ctx.db, job, result.error, now);
      ++report.failed;
      break;
  }
  logging::warn("job attempt failed", {{logging::Field::name, handler.kind},
                                       {logging::Field::reason, std::string_view(result.error)},
                                       {logging::Field::count, std::int64_t{job.attempts}}});
}

}  // namespace

WorkerReport run_due_jobs(store::Database& db, const config::Config& config,
                          std::span<const JobHandler> handlers, const WorkerOptions& options,
                          std::int64_t now_ms) {
  WorkerReport report;
  const JobContext ctx{db, config, now_ms};
  for (const auto& handler : handlers) {
    if (handler.ready && !handler.ready(config)) continue;
    const auto claimed = claim_jobs(db, handler.kind, now_ms, options.lease, options.batch);
    report.claimed += static_cast<int>(claimed.size());
    for (const auto& job : claimed) run_one(ctx, handler, options, job, report);
  }
  return report;
}

std::span<const JobHandler> default_handlers() {
  static const JobHandler kHandlers[] = {
      {kExpireCheckoutSession, [](const config::Config& c) { return c.stripe_configured(); },
       expire_checkout_session},
      {domain::privacy::kOrgExportJob, [](const config::Config&) { return true; },
       build_org_export},
      {mail::kSendJob, [](const config::Config& c) { return c.smtp.configured(); },
       mail::run_send_job},
  };
  return kHandlers;
}

}  // namespace bulwark::jobs
