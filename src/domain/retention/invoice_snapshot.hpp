#pragma once
// An invoice's frozen billing snapshot (issue 13 item 5.2): the buyer's name,
// billing address and email as they were, sealed with the invoice's row key
// (tx.seal("invoices", "billing_snapshot", row_key, json)) and kept under
// legal hold until the invoice's own retention ends: an invoice without its
// buyer is not a tax record. Taken when an invoice is opened; the customer
// retention sweep takes it for older invoices before it purges the buyer.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::retention {

struct BillingSnapshot {
  std::string name;
  std::string billing_address;
  std::optional<std::string> email;
};

// Takes the snapshot of one invoice unless it has one (or had one that
// expired); true when it took it. An invoice without a customer has none.
bool snapshot_invoice(store::OrgTx& tx, std::int64_t invoice, std::int64_t now);
// The same for every invoice of a customer; returns how many it took.
std::int64_t snapshot_customer_invoices(store::OrgTx& tx, std::int64_t customer, std::int64_t now);
// The invoice's snapshot, opened; nullopt when it has none.
std::optional<BillingSnapshot> billing_snapshot(store::OrgTx& tx, std::int64_t invoice);

// Whether the invoice's customer was purged by the retention sweep.
bool buyer_purged(store::OrgTx& tx, std::int64_t invoice);

// Removes the snapshots of invoices issued longer ago than their
// organization's invoice retention (one audit entry per organization with
// the count). Conditional updates: idempotent across instances.
std::int64_t expire_invoice_snapshots(store::Database& db, std::int64_t now_ms);

}  // namespace bulwark::domain::retention
