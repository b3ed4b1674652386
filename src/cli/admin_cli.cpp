#include "cli/admin_cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "cli/seed_demo.hpp"

namespace bulwark::cli {

namespace {

using admin::kFailure;
using admin::kUsage;

// The one place a command's exception becomes an exit code: an operator
// error is printed as it is (exit 2), anything else as a failure (exit 1).
int guarded(const std::function<int()>& f) {
  try {
    return f();
  } catch (const admin::Failure& e) {
    std::fprintf(stderr, "bulwark admin: %s\n", e.what());
    return kUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bulwark admin: failed: %s\n", e.what());
    return kFailure;
  }
}

}  // namespace

std::function<int()> register_admin_commands(CLI::App& admin) {
  auto chosen = std::make_shared<admin::Runner>();
  admin::register_create_org(admin, chosen);
  admin::register_create_user(admin, chosen);
  admin::register_set_role(admin, chosen);
  admin::register_reset_password(admin, chosen);
  admin::register_deactivate_user(admin, chosen);
  admin::register_revoke_sessions(admin, chosen);
  admin::register_list_users(admin, chosen);
  admin::register_set_sms_number(admin, chosen);
  admin::register_sms_numbers(admin, chosen);
  register_seed_demo(admin, *chosen);
  admin::register_pm_run(admin, chosen);
  admin::register_audit(admin, chosen);
  admin::register_keys(admin, chosen);
  admin::register_backup(admin, chosen);
  admin::register_export(admin, chosen);
  admin::register_mail(admin, chosen);
  admin::register_security(admin, chosen);
  admin::register_org(admin, chosen);
  return [chosen] { return *chosen ? guarded(*chosen) : kUsage; };
}

}  // namespace bulwark::cli
