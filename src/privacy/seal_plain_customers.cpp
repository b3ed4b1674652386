#include "privacy/seal_plain_customers.hpp"

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/customers/blind.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::privacy {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

namespace customers = domain::customers;

constexpr std::int64_t kBatch = 200;

// Each batch: the next rows not sealed yet, every organization's.
constexpr CrossTenantSql kPlainCustomers(
    "SELECT org_id, id, name, phone, email, billing_address, notes FROM customers "
    "WHERE row_key IS NULL AND (CAST($2 AS BIGINT) IS NULL OR org_id = CAST($2 AS BIGINT)) "
    "ORDER BY id LIMIT $1");
constexpr OrgSql kSealCustomer(
    "UPDATE customers SET row_key = $3, name = $4, phone = $5, email = $6, "
    "billing_address = $7, notes = $8, phone_bidx = $9, email_bidx = $10 "
    "WHERE org_id = $1 AND id = $2 AND row_key IS NULL");

constexpr CrossTenantSql kPlainSites(
    "SELECT org_id, id, address, access_notes, gate_code FROM sites "
    "WHERE row_key IS NULL AND (CAST($2 AS BIGINT) IS NULL OR org_id = CAST($2 AS BIGINT)) "
    "ORDER BY id LIMIT $1");
constexpr OrgSql kSealSite(
    "UPDATE sites SET row_key = $3, address = $4, access_notes = $5, gate_code = $6 "
    "WHERE org_id = $1 AND id = $2 AND row_key IS NULL");

// Rows copied by migration 0019 carry phone_bidx 'plain:<number>'.
constexpr CrossTenantSql kPlainConsent(
    "SELECT org_id, phone_bidx, phone FROM sms_consent WHERE row_key IS NULL "
    "AND (CAST($2 AS BIGINT) IS NULL OR org_id = CAST($2 AS BIGINT)) "
    "ORDER BY org_id, phone_bidx LIMIT $1");
constexpr OrgSql kConsentExists("SELECT 1 FROM sms_consent WHERE org_id = $1 AND phone_bidx = $2");
constexpr OrgSql kSealConsent(
    "UPDATE sms_consent SET phone_bidx = $3, row_key = $4, phone = $5 "
    "WHERE org_id = $1 AND phone_bidx = $2 AND row_key IS NULL");
// A choice recorded (sealed) since the upgrade is newer: the plain copy goes.
constexpr OrgSql kDropConsent(
    "DELETE FROM sms_consent WHERE org_id = $1 AND phone_bidx = $2 AND row_key IS NULL");

struct PlainCustomer {
  std::int64_t org_id = 0, id = 0;
  std::string name;
  std::optional<std::string> phone, email;
  std::string billing_address, notes;
};
BOOST_DESCRIBE_STRUCT(PlainCustomer, (), (org_id, id, name, phone, email, billing_address, notes))

struct PlainSite {
  std::int64_t org_id = 0, id = 0;
  std::string address, access_notes, gate_code;
};
BOOST_DESCRIBE_STRUCT(PlainSite, (), (org_id, id, address, access_notes, gate_code))

struct PlainConsent {
  std::int64_t org_id = 0;
  std::string phone_bidx, phone;
};
BOOST_DESCRIBE_STRUCT(PlainConsent, (), (org_id, phone_bidx, phone))

// Runs `seal(conn, row)` on batches of `Row` until none is left; one
// transaction per batch. `seal` returns whether it sealed the row.
template <class Row, class Seal>
std::int64_t in_batches(store::Database& db, CrossTenantSql select, std::optional<std::int64_t> org,
                        Seal&& seal) {
  std::int64_t total = 0;
  for (;;) {
    std::int64_t sealed = 0;
    std::size_t seen = 0;
    db.transaction([&](store::Connection& conn) {
      const auto rows = store::decode_all<Row>(
          conn.query(select, {kBatch, org ? store::Value(*org) : store::Value(nullptr)}));
      seen = rows.size();
      for (const auto& row : rows)
        if (seal(conn, row)) ++sealed;
    });
    total += sealed;
    // A batch that sealed nothing (another instance took every row) would
    // select the same rows again: stop, the other instance finishes.
    if (seen < static_cast<std::size_t>(kBatch) || sealed == 0) return total;
  }
}

}  // namespace

std::int64_t seal_plain_rows_customers(store::Database& db) {
  return seal_plain_rows_customers(db, std::nullopt);
}
std::int64_t seal_plain_rows_sites(store::Database& db) {
  return seal_plain_rows_sites(db, std::nullopt);
}
std::int64_t seal_plain_rows_sms_consent(store::Database& db) {
  return seal_plain_rows_sms_consent(db, std::nullopt);
}

std::int64_t seal_plain_rows_customers(store::Database& db, std::optional<std::int64_t> org) {
  return in_batches<PlainCustomer>(
      db, kPlainCustomers, org, [](store::Connection& conn, const PlainCustomer& c) {
        store::OrgTx tx(conn, c.org_id);
        const auto key = tx.new_row_key();
        const auto phone = c.phone && !c.phone->empty() ? c.phone : std::nullopt;
        const auto email = c.email && !c.email->empty() ? c.email : std::nullopt;
        const bool done =
            tx.run(kSealCustomer, c.id, key, tx.seal("customers", "name", key, c.name),
                   tx.seal("customers", "phone", key, phone),
                   tx.seal("customers", "email", key, email),
                   tx.seal("customers", "billing_address", key, c.billing_address),
                   tx.seal("customers", "notes", key, c.notes),
                   customers::phone_bidx_or_null(tx, phone),
                   customers::email_bidx_or_null(tx, email))
                .affected > 0;
        if (done) customers::write_name_tokens(tx, c.id, c.name);
        return done;
      });
}

std::int64_t seal_plain_rows_sites(store::Database& db, std::optional<std::int64_t> org) {
  return in_batches<PlainSite>(
      db, kPlainSites, org, [](store::Connection& conn, const PlainSite& s) {
        store::OrgTx tx(conn, s.org_id);
        const auto key = tx.new_row_key();
        return tx.run(kSealSite, s.id, key, tx.seal("sites", "address", key, s.address),
                      tx.seal("sites", "access_notes", key, s.access_notes),
                      tx.seal("sites", "gate_code", key, s.gate_code))
                   .affected > 0;
      });
}

std::int64_t seal_plain_rows_sms_consent(store::Database& db, std::optional<std::int64_t> org) {
  return in_batches<PlainConsent>(db, kPlainConsent, org,
                                  [](store::Connection& conn, const PlainConsent& c) {
                                    store::OrgTx tx(conn, c.org_id);
                                    const auto bidx = customers::phone_bidx(tx, c.phone);
                                    if (!tx.run(kConsentExists, bidx).empty())
                                      return tx.run(kDropConsent, c.phone_bidx).affected > 0;
                                    const auto key = tx.new_row_key();
                                    return tx.run(kSealConsent, c.phone_bidx, bidx, key,
                                                  tx.seal("sms_consent", "phone", key, c.phone))
                                               .affected > 0;
                                  });
}

}  // namespace bulwark::privacy
