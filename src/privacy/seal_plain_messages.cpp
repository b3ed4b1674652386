#include "privacy/seal_plain_messages.hpp"

#include <boost/describe/class.hpp>
#include <string>
#include <vector>

#include "messaging/sealed_message.hpp"
#include "store/org_tx.hpp"

namespace bulwark::privacy {

namespace {

// The upgrade pass runs before any organization's request: it reads across them.
constexpr store::CrossTenantSql kPlain(
    "SELECT id, org_id, phone, body FROM sms_messages WHERE row_key IS NULL ORDER BY id LIMIT 500");
constexpr store::OrgSql kSeal(
    "UPDATE sms_messages SET phone = $3, body = $4, row_key = $5 "
    "WHERE org_id = $1 AND id = $2 AND row_key IS NULL");

struct PlainRow {
  std::int64_t id = 0, org_id = 0;
  std::string phone, body;
};
BOOST_DESCRIBE_STRUCT(PlainRow, (), (id, org_id, phone, body))

}  // namespace

std::int64_t seal_plain_rows_messages(store::Database& db) {
  std::int64_t sealed = 0;
  for (;;) {
    const auto batch = store::decode_all<PlainRow>(db.query(kPlain));
    if (batch.empty()) return sealed;
    db.transaction([&](store::Connection& conn) {
      for (const auto& row : batch) {
        store::OrgTx tx(conn, row.org_id);
        const auto s = messaging::seal_message(tx, row.phone, row.body);
        sealed += tx.run(kSeal, row.id, s.phone, s.body, s.row_key).affected;
      }
    });
  }
}

}  // namespace bulwark::privacy
