// The compile-time tenant check (store/tenant_scope.hpp): its rule on each
// shape, and its list of tenant tables against the migrated schema, so a new
// table with org_id cannot escape the check.
#include "store/tenant_scope.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "store/database.hpp"
#include "test_databases.hpp"

namespace ts = bulwark::store::tenant_scope;

namespace {
bool scoped(std::string_view sql) { return ts::check(sql) == nullptr; }
}  // namespace

TEST(TenantScope, ScopedShapesPass) {
  EXPECT_TRUE(scoped("SELECT id FROM customers WHERE org_id = $1 AND id = $2"));
  EXPECT_TRUE(
      scoped("SELECT w.id FROM work_orders w LEFT JOIN customers c ON c.org_id = $1 AND "
             "c.id = w.customer_id WHERE w.org_id = $1"));
  EXPECT_TRUE(scoped("SELECT w.id FROM work_orders w WHERE $1 = w.org_id"));
  EXPECT_TRUE(scoped("INSERT INTO sites (org_id, name) VALUES ($1, $2)"));
  EXPECT_TRUE(
      scoped("INSERT INTO sites (org_id, name) SELECT $1, name FROM sites s "
             "WHERE s.org_id = $1 AND s.id = $2"));
  EXPECT_TRUE(scoped("SELECT name FROM orgs WHERE id = $1"));
  EXPECT_TRUE(
      scoped("SELECT a.id FROM assets a WHERE a.org_id = $1 UNION "
             "SELECT s.id FROM sites s WHERE s.org_id = $1"));
}

TEST(TenantScope, UnscopedShapesFail) {
  EXPECT_FALSE(scoped("SELECT id FROM customers WHERE id = $2"));
  EXPECT_FALSE(scoped("SELECT id FROM customers WHERE org_id = $2"));
  EXPECT_FALSE(scoped("SELECT id FROM customers WHERE org_id = $1 OR id = $2"));
  EXPECT_FALSE(
      scoped("SELECT w.id FROM work_orders w JOIN customers c ON c.id = w.customer_id "
             "WHERE w.org_id = $1"));
  EXPECT_FALSE(scoped("SELECT w.id FROM work_orders w, customers c WHERE org_id = $1"));
  EXPECT_FALSE(scoped("INSERT INTO sites (name, org_id) VALUES ($2, $1)"));
  EXPECT_FALSE(scoped("INSERT INTO sites (org_id, name) VALUES ($2, $1)"));
  EXPECT_FALSE(
      scoped("SELECT w.id FROM work_orders w WHERE w.org_id = $1 AND w.site_id IN "
             "(SELECT id FROM sites WHERE name = $2)"));
  EXPECT_FALSE(
      scoped("SELECT a.id FROM assets a WHERE a.org_id = $1 UNION "
             "SELECT s.id FROM sites s WHERE s.id = $2"));
  EXPECT_FALSE(scoped("INSERT INTO orgs (name) VALUES ($1)"));
  EXPECT_FALSE(scoped("SELECT 1"));  // touches no tenant table: not OrgSql's business
}

class TenantTables : public ::testing::TestWithParam<std::string> {};

TEST_P(TenantTables, EveryTableWithOrgIdIsATenantTable) {
  const auto url = bulwark::testing::test_database_url(GetParam());
  if (url.empty()) GTEST_SKIP() << "BULWARK_TEST_DATABASE_URL not set";
  auto db = bulwark::store::open_database({.url = url});
  bulwark::store::migrate(*db);
  std::set<std::string> with_org_id;
  if (db->engine() == bulwark::store::Engine::sqlite) {
    auto tables = db->query(bulwark::store::Sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
    for (const auto& t : tables.rows) {
      auto cols = db->query(
          bulwark::store::Sql("SELECT name FROM pragma_table_info($1) WHERE name = 'org_id'"),
          {t.text(0)});
      if (!cols.empty()) with_org_id.insert(t.text(0));
    }
  } else {
    auto r = db->query(bulwark::store::Sql(
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'org_id' "
        "AND table_schema = current_schema()"));
    for (const auto& row : r.rows) with_org_id.insert(row.text(0));
  }
  ASSERT_FALSE(with_org_id.empty());
  for (const auto& table : with_org_id)
    EXPECT_TRUE(ts::is_tenant_table(table)) << table << " has org_id but is not in kTenantTables";
  for (auto table : ts::kTenantTables)
    EXPECT_TRUE(with_org_id.contains(std::string(table))) << table << " has no org_id column";
}

INSTANTIATE_TEST_SUITE_P(Engines, TenantTables, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
