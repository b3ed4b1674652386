#pragma once
// Audit entries for backup create / restore / prune (issue 13 item 4). A
// backup holds every organization, so each organization's chain records it:
// the file's name and what changed, never a key.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace bulwark::cli::admin {

// One entry per organization: action (e.g. "backup.created"), target the
// backup file's name (no directory), `fields` naming what it did.
void audit_backup_event(store::Database& db, const std::string& action, const std::string& file,
                        std::vector<std::string> fields = {});

}  // namespace bulwark::cli::admin
