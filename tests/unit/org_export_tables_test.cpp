// Issue 13 item 8: the organization's export reads every tenant table, or
// leaves it out on purpose (privacy/export_columns.hpp): a tenant table that
// a later migration adds fails here until someone decides which.
#include "domain/privacy/org_export_tables.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "privacy/export_columns.hpp"
#include "store/tenant_scope.hpp"

namespace {

bool exported(std::string_view table) {
  const auto t = bulwark::domain::privacy::org_export_tables();
  return std::any_of(t.begin(), t.end(), [&](const auto& e) { return e.name == table; });
}

bool left_out(std::string_view table) {
  const auto& s = bulwark::privacy::kSecretTables;
  return std::find(s.begin(), s.end(), table) != s.end();
}

TEST(OrgExportTables, every_tenant_table_is_exported_or_left_out_on_purpose_ISSUE13_8) {
  for (auto table : bulwark::store::tenant_scope::kTenantTables)
    EXPECT_TRUE(exported(table) != left_out(table)) << table;
  EXPECT_TRUE(exported(bulwark::store::tenant_scope::kExtraTenantTable));
  EXPECT_TRUE(exported("orgs"));
}

TEST(OrgExportTables, secrets_are_never_exported_ISSUE13_8) {
  for (auto table : {"sessions", "org_keys", "idempotency_keys"}) EXPECT_FALSE(exported(table));
  for (auto column : {"password_hash", "token_hash", "csrf_token", "wrapped", "row_key",
                      "phone_bidx", "email_bidx"})
    EXPECT_TRUE(bulwark::privacy::is_secret_column(column)) << column;
  EXPECT_TRUE(bulwark::privacy::is_personal("customers", "name"));
  EXPECT_TRUE(bulwark::privacy::is_personal("sites", "gate_code"));
  EXPECT_FALSE(bulwark::privacy::is_personal("work_orders", "title"));
}

}  // namespace
