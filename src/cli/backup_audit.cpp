#include "cli/backup_audit.hpp"

#include <filesystem>

#include "cli/admin_support.hpp"

namespace bulwark::cli::admin {

namespace {
constexpr store::CrossTenantSql kEveryOrg("SELECT id FROM orgs ORDER BY id");
}  // namespace

void audit_backup_event(store::Database& db, const std::string& action, const std::string& file,
                        std::vector<std::string> fields) {
  const auto name = std::filesystem::path(file).filename().string();
  db.transaction([&](store::Connection& conn) {
    for (const auto& row : conn.query(kEveryOrg).rows) {
      auto e = cli_entry(row.integer(0), action, "backup", name);
      e.fields = fields;
      audit::append(conn, e);
    }
  });
}

}  // namespace bulwark::cli::admin
