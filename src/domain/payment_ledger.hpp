#pragma once
// Money on an invoice as a ledger: one row per charge or refund (Stripe
// now; the office's cash, check and partial payments later), and the
// invoice's payment state derived from their sums, never stored beside
// them. Payment events that do not match what Bulwark asked for are kept as
// mismatches the office sees on the invoice. Everything runs inside the
// caller's organization-scoped transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "store/org_tx.hpp"

namespace bulwark::domain {

struct LedgerEntry {
  std::int64_t invoice_id = 0;
  std::string kind;               // charge | refund
  std::int64_t amount_cents = 0;  // > 0
  std::string currency;
  std::string source;                      // stripe | manual | legacy (later cash, check)
  std::optional<std::string> external_id;  // unique per source: what makes a repeat a repeat
  std::optional<std::string> payment_intent_id, charge_id, refund_id, event_id, checkout_session_id;
  std::optional<std::int64_t> recorded_by;  // the user, for the office's entries
  std::int64_t at = 0;
};

// False when (source, external_id) was already recorded.
bool record_ledger_entry(store::OrgTx& tx, const LedgerEntry& entry);

struct PaymentState {
  std::int64_t paid_cents = 0;
  std::int64_t refunded_cents = 0;
  std::int64_t balance_cents = 0;  // total - paid + refunded
  // unpaid | partially_paid | paid | partially_refunded | refunded
  std::string state;
};
// The arithmetic alone, from the ledger's sums.
PaymentState payment_state_of(std::int64_t total_cents, std::int64_t paid_cents,
                              std::int64_t refunded_cents);
PaymentState payment_state(store::OrgTx& tx, std::int64_t invoice_id, std::int64_t total_cents);

// What the ledger holds in refunds of one Stripe charge.
std::int64_t refunded_of_charge(store::OrgTx& tx, const std::string& charge_id);

// Whether this payment (its intent, or its session when it has no intent)
// is already a charge on the invoice.
bool charge_recorded(store::OrgTx& tx, std::int64_t invoice_id,
                     const std::optional<std::string>& payment_intent_id,
                     const std::optional<std::string>& checkout_session_id);

struct PaymentMismatch {
  std::int64_t invoice_id = 0;
  std::string kind;  // amount_mismatch, currency_mismatch, invoice_not_open, ...
  std::optional<std::int64_t> expected_cents, received_cents;
  std::optional<std::string> expected_currency, currency;
  std::string invoice_status;
  bool needs_refund = false;
  std::string event_type, event_id;
  std::optional<std::string> checkout_session_id, payment_intent_id;
  std::int64_t at = 0;
};

// False when this payment (same payment intent, or session without one) was
// already recorded as a mismatch on this invoice.
bool record_mismatch(store::OrgTx& tx, const PaymentMismatch& mismatch);

}  // namespace bulwark::domain
