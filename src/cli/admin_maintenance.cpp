// `bulwark admin pm-run` and `audit verify`: the operator's maintenance
// commands (run the PM worker's pass now; check the audit log's hash chains).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "audit/archive.hpp"
#include "cli/admin_commands.hpp"
#include "domain/pm_generation.hpp"
#include "identity/clock.hpp"

namespace bulwark::cli::admin {

namespace {

int audit_verify() {
  config::Config c;
  auto db = open_db(c);
  auto problems = audit::verify(*db, [](std::int64_t org, std::int64_t rows) {
    std::fprintf(stderr, "org %lld: %lld rows checked\n", static_cast<long long>(org),
                 static_cast<long long>(rows));
  });
  // Archived entries (before each organization's checkpoint) are in files.
  for (auto& p : audit::verify_archives(*db, audit::archive_dir(c.data_dir)))
    problems.push_back(std::move(p));
  if (problems.empty()) {
    std::printf("audit log intact\n");
    return kOk;
  }
  for (const auto& p : problems)
    std::printf("TAMPERED org %lld seq %lld row %lld: %s\n", static_cast<long long>(p.org_id),
                static_cast<long long>(p.seq), static_cast<long long>(p.row_id), p.what.c_str());
  return kFailure;
}

int pm_run() {
  config::Config c;
  auto db = open_db(c);
  const int created = domain::generate_pm_work_orders(*db, identity::now_ms());
  std::printf("%d preventive-maintenance work orders created\n", created);
  return kOk;
}

}  // namespace

void register_pm_run(CLI::App& admin, const Chosen& chosen) {
  add_command(admin, chosen, "pm-run",
              "Create the work orders of due preventive-maintenance schedules now (the server "
              "also does this every BULWARK_PM_INTERVAL). Safe to run any number of times.",
              [] { return pm_run(); });
}

void register_audit(CLI::App& admin, const Chosen& chosen) {
  auto* audit_cmd = admin.add_subcommand("audit", "Audit log tools.");
  auto* verify = audit_cmd->add_subcommand(
      "verify",
      "Recompute every organization's hash chain; names the first edited, inserted or "
      "deleted row. Exit 1 if tampered.");
  verify->callback([chosen] { *chosen = audit_verify; });
  audit_cmd->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
