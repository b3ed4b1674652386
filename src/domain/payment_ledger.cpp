#include "domain/payment_ledger.hpp"

#include <boost/describe/class.hpp>

namespace bulwark::domain {

namespace {

using store::OrgSql;

constexpr OrgSql kInsertEntry(
    "INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, "
    "external_id, payment_intent_id, charge_id, refund_id, event_id, checkout_session_id, "
    "recorded_by, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
    "ON CONFLICT (source, external_id) DO NOTHING RETURNING id");
constexpr OrgSql kSums(
    "SELECT COALESCE(SUM(CASE WHEN kind = 'charge' THEN amount_cents ELSE 0 END), 0) AS paid, "
    "COALESCE(SUM(CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END), 0) AS refunded "
    "FROM payment_ledger WHERE org_id = $1 AND invoice_id = $2");
constexpr OrgSql kRefundedOfCharge(
    "SELECT COALESCE(SUM(amount_cents), 0) AS refunded FROM payment_ledger WHERE org_id = $1 "
    "AND kind = 'refund' AND charge_id = $2");
// One payment is reported by several events (checkout.session.completed,
// payment_intent.succeeded, async_payment_succeeded): it counts once.
constexpr OrgSql kChargeRecorded(
    "SELECT 1 AS found FROM payment_ledger WHERE org_id = $1 AND invoice_id = $2 AND "
    "kind = 'charge' AND ((CAST($3 AS TEXT) IS NOT NULL AND payment_intent_id = CAST($3 AS TEXT)) "
    "OR (CAST($3 AS TEXT) IS NULL AND checkout_session_id = CAST($4 AS TEXT)))");
constexpr OrgSql kMismatchSeen(
    "SELECT 1 AS found FROM payment_mismatches WHERE org_id = $1 AND invoice_id = $2 AND "
    "kind = $3 AND ((CAST($4 AS TEXT) IS NOT NULL AND payment_intent_id = CAST($4 AS TEXT)) OR "
    "(CAST($4 AS TEXT) IS NULL AND checkout_session_id = CAST($5 AS TEXT)))");
constexpr OrgSql kInsertMismatch(
    "INSERT INTO payment_mismatches (org_id, invoice_id, kind, expected_cents, received_cents, "
    "expected_currency, currency, invoice_status, needs_refund, event_type, event_id, "
    "checkout_session_id, payment_intent_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "$10, $11, $12, $13, $14)");

struct Sums {
  std::int64_t paid = 0, refunded = 0;
};
BOOST_DESCRIBE_STRUCT(Sums, (), (paid, refunded))
struct Refunded {
  std::int64_t refunded = 0;
};
BOOST_DESCRIBE_STRUCT(Refunded, (), (refunded))

}  // namespace

bool record_ledger_entry(store::OrgTx& tx, const LedgerEntry& e) {
  return !tx.run(kInsertEntry, e.invoice_id, e.kind, e.amount_cents, e.currency, e.source,
                 e.external_id, e.payment_intent_id, e.charge_id, e.refund_id, e.event_id,
                 e.checkout_session_id, e.recorded_by, e.at)
              .empty();
}

PaymentState payment_state_of(std::int64_t total_cents, std::int64_t paid_cents,
                              std::int64_t refunded_cents) {
  PaymentState s{paid_cents, refunded_cents, total_cents - paid_cents + refunded_cents, {}};
  if (paid_cents == 0)
    s.state = "unpaid";
  else if (refunded_cents >= paid_cents)
    s.state = "refunded";
  else if (refunded_cents > 0)
    s.state = "partially_refunded";
  else if (paid_cents < total_cents)
    s.state = "partially_paid";
  else
    s.state = "paid";
  return s;
}

PaymentState payment_state(store::OrgTx& tx, std::int64_t invoice_id, std::int64_t total_cents) {
  const auto sums = tx.one<Sums>(kSums, invoice_id).value_or(Sums{});
  return payment_state_of(total_cents, sums.paid, sums.refunded);
}

std::int64_t refunded_of_charge(store::OrgTx& tx, const std::string& charge_id) {
  return tx.one<Refunded>(kRefundedOfCharge, charge_id).value_or(Refunded{}).refunded;
}

bool charge_recorded(store::OrgTx& tx, std::int64_t invoice_id,
                     const std::optional<std::string>& payment_intent_id,
                     const std::optional<std::string>& checkout_session_id) {
  return !tx.run(kChargeRecorded, invoice_id, payment_intent_id, checkout_session_id).empty();
}

bool record_mismatch(store::OrgTx& tx, const PaymentMismatch& m) {
  // One payment is often reported by several events (checkout.session.completed
  // and payment_intent.succeeded): the office sees it once.
  if ((m.payment_intent_id || m.checkout_session_id) &&
      !tx.run(kMismatchSeen, m.invoice_id, m.kind, m.payment_intent_id, m.checkout_session_id)
           .empty())
    return false;
  tx.run(kInsertMismatch, m.invoice_id, m.kind, m.expected_cents, m.received_cents,
         m.expected_currency, m.currency, m.invoice_status, m.needs_refund, m.event_type,
         m.event_id, m.checkout_session_id, m.payment_intent_id, m.at);
  return true;
}

}  // namespace bulwark::domain
