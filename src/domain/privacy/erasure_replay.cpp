#include "domain/privacy/erasure_replay.hpp"

#include "audit/audit_log.hpp"
#include "domain/privacy/repo.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::privacy {

namespace {

enum class Outcome { re_erased, already, not_present };

Outcome replay_one(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t customer,
                   std::int64_t now) {
  const auto target = repo::find(tx, customer);
  if (!target) return Outcome::not_present;
  if (target->erased) return Outcome::already;
  const auto keys = repo::attachment_keys(tx, customer);
  repo::erase_rows(tx, customer, now);
  repo::record_erasure(tx, customer, 0, now, "replayed from the erasure ledger after a restore");
  audit::Entry e;
  e.org_id = tx.org_id();
  e.actor_type = "system";
  e.action = "customer.erasure_replayed";
  e.target_type = "customer";
  e.target_id = std::to_string(customer);
  e.fields = {"name",  "phone",           "email",    "billing_address", "notes",
              "sites", "work_order_text", "messages", "attachments"};
  audit::append(tx.connection(), e);
  // Files last, as in erase_customer: on SQLite they go at once.
  for (const auto& k : keys) {
    blobs.remove(tx, k.blob_key);
    if (k.has_thumbnail) blobs.remove(tx, k.blob_key + "-thumb");
  }
  return Outcome::re_erased;
}

}  // namespace

ReplayCounts replay_erasures(store::Database& db, const store::BlobStore& blobs,
                             const std::vector<::bulwark::privacy::LedgerEntry>& ledger,
                             std::int64_t now) {
  ReplayCounts c;
  for (const auto& entry : ledger) {
    ++c.entries;
    const auto outcome = store::in_org(db, entry.org_id, [&](store::OrgTx& tx) {
      return replay_one(tx, blobs, entry.customer_id, now);
    });
    if (outcome == Outcome::re_erased) ++c.re_erased;
    if (outcome == Outcome::already) ++c.already;
    if (outcome == Outcome::not_present) ++c.not_present;
  }
  return c;
}

}  // namespace bulwark::domain::privacy
