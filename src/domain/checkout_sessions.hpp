#pragma once
// The Stripe Checkout Sessions Bulwark created for an invoice: what each
// asked the customer to pay (amount, currency, invoice version). Sessions
// live in checkout_sessions; one created by an instance of the previous
// release during a rolling upgrade exists only in invoice_payments, and is
// read from there as a session for the invoice's current total.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/org_tx.hpp"

namespace bulwark::domain {

struct CheckoutSession {
  std::string session_id;
  std::string url;
  std::int64_t amount_cents = 0;
  std::string currency;
  std::int64_t invoice_version = 0;
  std::string status;  // active | expired | completed
};

// The named session of the invoice, or (no name) its newest one.
std::optional<CheckoutSession> find_checkout_session(store::OrgTx& tx, std::int64_t invoice_id,
                                                     const std::optional<std::string>& session_id);

// Sessions that can still take money (to expire them when the invoice is voided).
std::vector<std::string> active_checkout_sessions(store::OrgTx& tx, std::int64_t invoice_id);

// A new session for the invoice, and its row for the previous release;
// false when it was recorded already (a concurrent call, same session).
bool record_checkout_session(store::OrgTx& tx, std::int64_t invoice_id,
                             const CheckoutSession& session, std::int64_t now_ms);

// The session took its money.
void complete_checkout_session(store::OrgTx& tx, const std::string& session_id);

// The previous release's link row goes, so no instance hands the link out again.
void forget_legacy_payment_link(store::OrgTx& tx, std::int64_t invoice_id);

bool same_currency(std::string_view a, std::string_view b);  // Stripe writes "usd"

}  // namespace bulwark::domain
