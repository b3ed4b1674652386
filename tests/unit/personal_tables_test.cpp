// The lists of personal columns agree (issue 13): what data-key rotation
// re-seals (privacy/personal_tables) is a subset of what the organization
// export opens (privacy/export_columns), and every listed column exists in
// the migrated schema on both engines, so a renamed column cannot silently
// drop out of rotation or export.
#include "privacy/personal_tables.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "privacy/export_columns.hpp"
#include "store/org_tx.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;

// (A table the export leaves out whole, like the stored Idempotency-Key
// answers, has nothing to open.)
TEST(PersonalTables, AtRestAes256EveryRotatedColumnIsOpenedByTheExport) {
  for (const auto& t : privacy::personal_tables()) {
    if (std::ranges::find(privacy::kSecretTables, t.table) != privacy::kSecretTables.end())
      continue;
    for (auto column : t.columns)
      EXPECT_TRUE(privacy::is_personal(t.table, column)) << t.table << "." << column;
  }
}

class PersonalTablesSchemaTest : public bulwark::testing::EngineTest {};

TEST_P(PersonalTablesSchemaTest, AtRestAes256EveryListedColumnExistsWithARowKey) {
  const auto org = new_org("ptables", "Tables");
  for (const auto& t : privacy::personal_tables()) {
    // The page statement names every column and the row key: it runs.
    store::read_org(*db_, org, [&](store::OrgTx& tx) {
      const store::Value params[] = {privacy::first_cursor(t), std::int64_t{1}};
      const auto r = tx.run_values(t.page, params);
      ASSERT_EQ(r.columns.size(), t.columns.size() + 2) << t.table;
      EXPECT_EQ(r.columns[1], "row_key") << t.table;
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        EXPECT_EQ(r.columns[i + 2], t.columns[i]) << t.table;
      EXPECT_EQ(tx.run(t.count).rows.at(0).integer(0), 0) << t.table;
    });
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PersonalTablesSchemaTest,
                         ::testing::Values("sqlite", "postgres"));

}  // namespace
