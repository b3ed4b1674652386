#pragma once
// Money on an invoice as a ledger: one row per charge or refund (Stripe
// now; the office's cash, check and partial payments later), and the
// invoice's payment state derived from their sums, never stored beside
// them. Payment events that do not match what Bulwark asked for are kept as
// mismatches the office sees on the invoice. Everything runs inside the
// caller's transaction.
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace bulwark::domain {

struct LedgerEntry {
  std::int64_t org_id = 0;
  std::int64_t invoice_id = 0;
  std::string kind;  // charge | refund
  std::int64_t amount_cents = 0;  // > 0
  std::string currency;
  std::string source;  // stripe | manual | legacy (later cash, check)
  std::optional<std::string> external_id;  // unique per source: what makes a repeat a repeat
  std::optional<std::string> payment_intent_id, charge_id, refund_id, event_id,
      checkout_session_id;
  std::optional<std::int64_t> recorded_by;  // the user, for the office's entries
  std::int64_t at = 0;
};

// False when (source, external_id) was already recorded.
bool record_ledger_entry(store::Connection& conn, const LedgerEntry& entry);

struct PaymentState {
  std::int64_t paid_cents = 0;
  std::int64_t refunded_cents = 0;
  std::int64_t balance_cents = 0;  // total - paid + refunded
  // unpaid | partially_paid | paid | partially_refunded | refunded
  std::string state;
};
PaymentState payment_state(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id,
                           std::int64_t total_cents);

struct PaymentMismatch {
  std::int64_t org_id = 0;
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
bool record_mismatch(store::Connection& conn, const PaymentMismatch& mismatch);

// For the invoice view.
boost::json::array mismatches_view(store::Connection& conn, std::int64_t org_id,
                                   std::int64_t invoice_id);
boost::json::array ledger_view(store::Connection& conn, std::int64_t org_id,
                               std::int64_t invoice_id);

}  // namespace bulwark::domain
