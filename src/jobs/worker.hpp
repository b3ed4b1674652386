#pragma once
// The jobs worker: one pass claims due jobs of every kind whose handler is
// ready (its service is configured; otherwise the jobs wait and nothing is
// claimed), runs each handler and records the outcome: done; retry with
// exponential back-off (transport errors, 429, 5xx) until max_attempts;
// failed otherwise. Every `bulwark serve` runs it (src/main.cpp); the leases
// make that safe with several instances on one PostgreSQL.
#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "jobs/outbox.hpp"
#include "store/database.hpp"

namespace bulwark::jobs {

struct JobResult {
  HttpVerdict verdict = HttpVerdict::done;
  std::string error;  // a short code for last_error and the log, never a body
};

struct JobContext {
  store::Database& db;
  const config::Config& config;
  std::int64_t now_ms;
};

struct JobHandler {
  std::string_view kind;
  std::function<bool(const config::Config&)> ready;
  std::function<JobResult(const JobContext&, const Job&)> run;
};

struct WorkerOptions {
  std::chrono::milliseconds retry_base{5'000};
  std::chrono::milliseconds lease{60'000};  // longer than one attempt can take
  int max_attempts = 8;
  int batch = 20;
};

struct WorkerReport {
  int claimed = 0;
  int done = 0;
  int retried = 0;
  int failed = 0;
};

WorkerReport run_due_jobs(store::Database& db, const config::Config& config,
                          std::span<const JobHandler> handlers, const WorkerOptions& options,
                          std::int64_t now_ms);

// The handler table by kind (stripe_jobs.hpp, later email, SIEM, alerts).
std::span<const JobHandler> default_handlers();

}  // namespace bulwark::jobs
