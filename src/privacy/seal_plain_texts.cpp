#include "privacy/seal_plain_texts.hpp"

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::privacy {

namespace {

// One sealed column of one table. The pass runs before any organization's
// request, so its reads go across organizations; its writes are each in the
// row's own organization.
struct SealedText {
  std::string_view table, column;
  store::CrossTenantSql plain;  // SELECT id, org_id, <column> AS text ... id > $1 LIMIT 500
  store::OrgSql seal;           // UPDATE ... SET <column> = $3, row_key = $4 (still NULL)
};

#define PLAIN(TABLE, COLUMN)                                                \
  store::CrossTenantSql("SELECT id, org_id, " COLUMN " AS text FROM " TABLE \
                        " WHERE row_key IS NULL AND id > $1 ORDER BY id LIMIT 500")
#define SEAL(TABLE, COLUMN)                              \
  store::OrgSql("UPDATE " TABLE " SET " COLUMN           \
                " = $3, row_key = $4 WHERE org_id = $1 " \
                "AND id = $2 AND row_key IS NULL")
#define SEALED_TEXT(TABLE, COLUMN) \
  SealedText { TABLE, COLUMN, PLAIN(TABLE, COLUMN), SEAL(TABLE, COLUMN) }

constexpr SealedText kSealedTexts[] = {
    SEALED_TEXT("work_orders", "description"),   SEALED_TEXT("work_order_comments", "body"),
    SEALED_TEXT("work_order_time", "note"),      SEALED_TEXT("work_order_checklist", "value"),
    SEALED_TEXT("completion_records", "record"), SEALED_TEXT("idempotency_keys", "body"),
    SEALED_TEXT("privacy_requests", "notes"),
};
#undef SEALED_TEXT
#undef SEAL
#undef PLAIN

struct PlainRow {
  std::int64_t id = 0, org_id = 0;
  std::optional<std::string> text;  // a checklist item without a value: NULL
};
BOOST_DESCRIBE_STRUCT(PlainRow, (), (id, org_id, text))

std::int64_t seal_table(store::Database& db, const SealedText& t) {
  std::int64_t sealed = 0, after = 0;
  for (;;) {
    const auto batch = store::decode_all<PlainRow>(db.query(t.plain, {after}));
    if (batch.empty()) return sealed;
    after = batch.back().id;
    db.transaction([&](store::Connection& conn) {
      for (const auto& row : batch) {
        store::OrgTx tx(conn, row.org_id);
        const auto key = tx.new_row_key();
        std::optional<std::string> text;
        if (row.text) text = tx.seal(t.table, t.column, key, *row.text);
        sealed += tx.run(t.seal, row.id, text, key).affected;
      }
    });
  }
}

}  // namespace

std::int64_t seal_plain_rows_texts(store::Database& db) {
  std::int64_t sealed = 0;
  for (const auto& t : kSealedTexts) sealed += seal_table(db, t);
  return sealed;
}

}  // namespace bulwark::privacy
