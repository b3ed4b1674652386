#pragma once
// One registration function per `bulwark admin` subcommand (or group), each
// in the file of its idea; admin_cli.cpp calls them in the order `--help`
// lists them.
#include "cli/admin_support.hpp"

namespace bulwark::cli::admin {

void register_create_org(CLI::App& admin, const Chosen& chosen);       // admin_create_org.cpp
void register_create_user(CLI::App& admin, const Chosen& chosen);      // admin_users.cpp
void register_list_users(CLI::App& admin, const Chosen& chosen);       // admin_users.cpp
void register_set_role(CLI::App& admin, const Chosen& chosen);         // admin_user_access.cpp
void register_reset_password(CLI::App& admin, const Chosen& chosen);   // admin_user_access.cpp
void register_deactivate_user(CLI::App& admin, const Chosen& chosen);  // admin_user_access.cpp
void register_revoke_sessions(CLI::App& admin, const Chosen& chosen);  // admin_sessions.cpp
void register_set_sms_number(CLI::App& admin, const Chosen& chosen);   // admin_sms.cpp
void register_sms_numbers(CLI::App& admin, const Chosen& chosen);      // admin_sms.cpp
void register_pm_run(CLI::App& admin, const Chosen& chosen);           // admin_maintenance.cpp
void register_audit(CLI::App& admin, const Chosen& chosen);            // admin_maintenance.cpp
void register_keys(CLI::App& admin, const Chosen& chosen);             // admin_keys.cpp
void register_keys_rotate_data(CLI::App& keys, const Chosen& chosen);  // admin_keys_rotate_data.cpp
void register_backup(CLI::App& admin, const Chosen& chosen);           // admin_backup.cpp
void register_export(CLI::App& admin, const Chosen& chosen);           // admin_export.cpp
void register_mail(CLI::App& admin, const Chosen& chosen);             // admin_mail.cpp
void register_security(CLI::App& admin, const Chosen& chosen);         // admin_security.cpp
void register_org(CLI::App& admin, const Chosen& chosen);              // admin_org_domains.cpp

}  // namespace bulwark::cli::admin
