#include "domain/retention/customer_purge.hpp"

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/actor.hpp"
#include "domain/privacy/attachment_files.hpp"
#include "domain/privacy/repo.hpp"
#include "domain/retention/invoice_snapshot.hpp"
#include "domain/retention/settings_model.hpp"
#include "logging/log.hpp"
#include "privacy/erasure_ledger.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::retention {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

// At most this many customers per organization and transaction; the next
// sweep takes the rest.
constexpr std::int64_t kBatch = 100;

// Organizations with at least one customer due (a year is 365.25 days).
constexpr CrossTenantSql kDueOrgs(
    "SELECT DISTINCT c.org_id FROM customers c JOIN orgs o ON o.id = c.org_id "
    "WHERE c.deleted_at IS NOT NULL AND c.purged_at IS NULL "
    "AND c.deleted_at <= CAST($1 AS BIGINT) - o.customer_retention_years * 31557600000 "
    "ORDER BY c.org_id");
constexpr OrgSql kDue(
    "SELECT c.id FROM customers c JOIN orgs o ON o.id = $1 WHERE c.org_id = $1 "
    "AND c.deleted_at IS NOT NULL AND c.purged_at IS NULL "
    "AND c.deleted_at <= CAST($2 AS BIGINT) - o.customer_retention_years * 31557600000 "
    "ORDER BY c.id LIMIT $3");
// The claim: of two sweepers at once, one changes the row; the other's
// UPDATE waits for its commit and then matches nothing.
constexpr OrgSql kClaim(
    "UPDATE customers SET purged_at = $3 WHERE org_id = $1 AND id = $2 AND purged_at IS NULL "
    "AND deleted_at IS NOT NULL");
// The number's blind index (the consent list is keyed by it) and the row key
// the stub's sealed values are bound to.
constexpr OrgSql kPhone(
    "SELECT phone_bidx AS phone, row_key FROM customers WHERE org_id = $1 AND id = $2");
constexpr OrgSql kDeleteMessages(
    "DELETE FROM sms_messages WHERE org_id = $1 AND (customer_id = $2 OR work_order_id IN "
    "(SELECT w.id FROM work_orders w WHERE w.org_id = $1 AND w.customer_id = $2))");
// The consent list outlives customers: a number another customer still has
// keeps its row (a STOP stays a STOP).
constexpr OrgSql kDeleteConsent(
    "DELETE FROM sms_consent WHERE org_id = $1 AND phone_bidx = $3 AND NOT EXISTS "
    "(SELECT 1 FROM customers o WHERE o.org_id = $1 AND o.phone_bidx = $3 AND o.id <> $2)");
// Sites that equipment or a PM schedule still points at are kept (already
// anonymised by the erasure step): the plant's asset history is not the
// customer's personal data.
#define FREE_SITES                                                                       \
  "(SELECT s.id FROM sites s WHERE s.org_id = $1 AND s.customer_id = $2 AND NOT EXISTS " \
  "(SELECT 1 FROM assets a WHERE a.org_id = $1 AND a.site_id = s.id) AND NOT EXISTS "    \
  "(SELECT 1 FROM pm_schedules p WHERE p.org_id = $1 AND p.site_id = s.id))"
constexpr OrgSql kUnlinkSites(
    "UPDATE work_orders SET site_id = NULL WHERE org_id = $1 AND site_id IN " FREE_SITES);
constexpr OrgSql kDeleteReveals(
    "DELETE FROM site_access_reveals WHERE org_id = $1 AND site_id IN " FREE_SITES);
constexpr OrgSql kDeleteSites("DELETE FROM sites WHERE org_id = $1 AND id IN " FREE_SITES);
#undef FREE_SITES
constexpr OrgSql kDeleteDoNotSell(
    "DELETE FROM customer_do_not_sell WHERE org_id = $1 AND customer_id = $2");
constexpr OrgSql kStub(
    "UPDATE customers SET name = $3, phone = NULL, email = NULL, phone_bidx = NULL, "
    "email_bidx = NULL, billing_address = $5, notes = $6, row_key = $7, sms_opt_out = 0, "
    "sms_opt_out_by_customer = 0, do_not_sell = 0, updated_at = $4 WHERE org_id = $1 AND id = $2");

struct Id {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Id, (), (id))
struct OrgId {
  std::int64_t org_id = 0;
};
BOOST_DESCRIBE_STRUCT(OrgId, (), (org_id))
struct Phone {
  std::optional<std::string> phone;  // its blind index
  std::optional<std::string> row_key;
};
BOOST_DESCRIBE_STRUCT(Phone, (), (phone, row_key))

// One customer, inside the organization's transaction; the files to remove
// are added to `files` (removed after every statement succeeded).
CustomerPurgeCounts purge_one(store::OrgTx& tx, std::int64_t customer, std::int64_t now,
                              std::vector<privacy::repo::AttachmentKey>& files) {
  CustomerPurgeCounts c;
  if (tx.run(kClaim, customer, now).affected == 0) return c;
  const auto row = tx.one<Phone>(kPhone, customer).value_or(Phone{});
  const auto& phone = row.phone;
  // The invoices' billing snapshot first: the erasure step removes the buyer.
  c.invoice_snapshots = snapshot_customer_invoices(tx, customer, now);
  auto keys = privacy::repo::attachment_keys(tx, customer);
  const auto erased = privacy::repo::erase_rows(tx, customer, now);
  c.work_orders = erased.work_orders;
  c.attachments = erased.attachments;
  c.messages = tx.run(kDeleteMessages, customer).affected;
  if (phone && !phone->empty()) c.consent = tx.run(kDeleteConsent, customer, *phone).affected;
  tx.run(kUnlinkSites, customer);
  tx.run(kDeleteReveals, customer);
  c.sites = tx.run(kDeleteSites, customer).affected;
  tx.run(kDeleteDoNotSell, customer);
  // The stub is sealed like every customer row (readers open each one).
  const auto key = row.row_key.value_or(tx.new_row_key());
  tx.run(kStub, customer, tx.seal("customers", "name", key, kDeletedCustomer), now,
         tx.seal("customers", "billing_address", key, ""), tx.seal("customers", "notes", key, ""),
         key);
  c.customers = 1;
  files.insert(files.end(), keys.begin(), keys.end());
  return c;
}

std::vector<std::string> count_fields(const CustomerPurgeCounts& c) {
  const auto f = [](const char* name, std::int64_t n) {
    return std::string(name) + "=" + std::to_string(n);
  };
  return {f("customers", c.customers),     f("sites", c.sites),
          f("messages", c.messages),       f("consent", c.consent),
          f("attachments", c.attachments), f("blobs", c.blobs),
          f("work_orders", c.work_orders), f("invoice_snapshots", c.invoice_snapshots)};
}

CustomerPurgeCounts purge_org(store::Database& db, std::int64_t org, const store::BlobStore& blobs,
                              const std::string& ledger_dir, std::int64_t now) {
  return store::in_org(db, org, [&](store::OrgTx& tx) {
    CustomerPurgeCounts total;
    std::vector<privacy::repo::AttachmentKey> files;
    for (const auto& due : tx.all<Id>(kDue, now, kBatch)) {
      const auto c = purge_one(tx, due.id, now, files);
      if (c.customers == 0) continue;
      // Before the files: it throws when it cannot be written, and the
      // transaction rolls back with nothing lost (as in an erasure).
      ::bulwark::privacy::append(ledger_dir, {org, due.id, now});
      total += c;
    }
    if (total.customers == 0) return total;
    // Files last: on SQLite they are gone at once.
    total.blobs = privacy::remove_attachment_files(tx, blobs, files);
    const audit::Actor system{.org_id = org, .type = "system", .user_id = {}, .ip = {}};
    system.record(tx.connection(), "retention.customers_purged", "org", org, count_fields(total));
    return total;
  });
}

}  // namespace

CustomerPurgeCounts& CustomerPurgeCounts::operator+=(const CustomerPurgeCounts& o) {
  customers += o.customers;
  sites += o.sites;
  messages += o.messages;
  consent += o.consent;
  attachments += o.attachments;
  blobs += o.blobs;
  work_orders += o.work_orders;
  invoice_snapshots += o.invoice_snapshots;
  return *this;
}

CustomerPurgeCounts purge_expired_customers(store::Database& db, const store::BlobStore& blobs,
                                            const std::string& ledger_dir, std::int64_t now_ms) {
  CustomerPurgeCounts total;
  for (const auto& o : store::decode_all<OrgId>(db.query(kDueOrgs, {now_ms}))) {
    // One organization's failure rolls back its own batch only.
    try {
      total += purge_org(db, o.org_id, blobs, ledger_dir, now_ms);
    } catch (const std::exception& e) {
      logging::warn("customer retention failed", {{logging::Field::org_id, o.org_id},
                                                  {logging::Field::reason, std::string(e.what())}});
    }
  }
  return total;
}

}  // namespace bulwark::domain::retention
