#include "domain/retention/invoice_snapshot.hpp"

#include <boost/describe/class.hpp>
#include <boost/json.hpp>

#include "audit/actor.hpp"
#include "domain/customers/repo.hpp"

namespace bulwark::domain::retention {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr OrgSql kInvoice(
    "SELECT customer_id, row_key, billing_snapshot, snapshot_removed_at FROM invoices "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kCustomerInvoices(
    "SELECT id FROM invoices WHERE org_id = $1 AND customer_id = $2 "
    "AND billing_snapshot IS NULL AND snapshot_removed_at IS NULL ORDER BY id");
constexpr OrgSql kStore(
    "UPDATE invoices SET row_key = $3, billing_snapshot = $4, snapshot_at = $5 "
    "WHERE org_id = $1 AND id = $2 AND billing_snapshot IS NULL");
constexpr OrgSql kBuyerPurged(
    "SELECT COUNT(*) AS n FROM invoices i JOIN customers c ON c.org_id = $1 AND c.id = "
    "i.customer_id WHERE i.org_id = $1 AND i.id = $2 AND c.purged_at IS NOT NULL");
// Issued (created) longer ago than the organization's invoice retention.
constexpr CrossTenantSql kExpiredOrgs(
    "SELECT DISTINCT i.org_id FROM invoices i JOIN orgs o ON o.id = i.org_id "
    "WHERE i.billing_snapshot IS NOT NULL "
    "AND i.created_at <= CAST($1 AS BIGINT) - o.invoice_retention_years * 31557600000");
constexpr OrgSql kExpire(
    "UPDATE invoices SET billing_snapshot = NULL, snapshot_removed_at = $2 WHERE org_id = $1 "
    "AND billing_snapshot IS NOT NULL AND created_at <= CAST($2 AS BIGINT) - "
    "(SELECT o.invoice_retention_years FROM orgs o WHERE o.id = $1) * 31557600000");

struct InvoiceRow {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> row_key, billing_snapshot;
  std::optional<std::int64_t> snapshot_removed_at;
};
BOOST_DESCRIBE_STRUCT(InvoiceRow, (), (customer_id, row_key, billing_snapshot, snapshot_removed_at))
struct Id {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Id, (), (id))
struct OrgId {
  std::int64_t org_id = 0;
};
BOOST_DESCRIBE_STRUCT(OrgId, (), (org_id))

std::string as_json(const customers::CustomerRow& c) {
  boost::json::object o;
  o["name"] = c.name.value;
  o["billing_address"] = c.billing_address.value;
  o["email"] = c.email.value ? boost::json::value(*c.email.value) : boost::json::value(nullptr);
  return boost::json::serialize(o);
}

}  // namespace

bool snapshot_invoice(store::OrgTx& tx, std::int64_t invoice, std::int64_t now) {
  const auto row = tx.one<InvoiceRow>(kInvoice, invoice);
  if (!row || !row->customer_id || row->billing_snapshot || row->snapshot_removed_at) return false;
  // Through the customers' repository: it opens the personal columns.
  const auto buyer = customers::repo::find(tx, *row->customer_id);
  if (!buyer) return false;
  const auto key = row->row_key.value_or(tx.new_row_key());
  const auto sealed = tx.seal("invoices", "billing_snapshot", key, as_json(*buyer));
  return tx.run(kStore, invoice, key, sealed, now).affected == 1;
}

std::int64_t snapshot_customer_invoices(store::OrgTx& tx, std::int64_t customer, std::int64_t now) {
  std::int64_t n = 0;
  for (const auto& i : tx.all<Id>(kCustomerInvoices, customer))
    if (snapshot_invoice(tx, i.id, now)) ++n;
  return n;
}

std::optional<BillingSnapshot> billing_snapshot(store::OrgTx& tx, std::int64_t invoice) {
  const auto row = tx.one<InvoiceRow>(kInvoice, invoice);
  if (!row || !row->billing_snapshot || !row->row_key) return std::nullopt;
  const auto json = boost::json::parse(
      tx.open("invoices", "billing_snapshot", *row->row_key, *row->billing_snapshot));
  const auto& o = json.as_object();
  BillingSnapshot s;
  s.name = std::string(o.at("name").as_string());
  s.billing_address = std::string(o.at("billing_address").as_string());
  if (o.at("email").is_string()) s.email = std::string(o.at("email").as_string());
  return s;
}

bool buyer_purged(store::OrgTx& tx, std::int64_t invoice) {
  return tx.run(kBuyerPurged, invoice).rows.at(0).integer(0) > 0;
}

std::int64_t expire_invoice_snapshots(store::Database& db, std::int64_t now_ms) {
  std::int64_t total = 0;
  for (const auto& o : store::decode_all<OrgId>(db.query(kExpiredOrgs, {now_ms}))) {
    total += store::in_org(db, o.org_id, [&](store::OrgTx& tx) {
      const auto n = tx.run(kExpire, now_ms).affected;
      if (n > 0) {
        const audit::Actor system{.org_id = o.org_id, .type = "system", .user_id = {}, .ip = {}};
        system.record(tx.connection(), "retention.invoice_snapshots_removed", "org", o.org_id,
                      {"invoice_snapshots=" + std::to_string(n)});
      }
      return n;
    });
  }
  return total;
}

}  // namespace bulwark::domain::retention
