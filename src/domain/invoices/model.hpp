#pragma once
// Invoices: what a request may send, what a view shows, and the rows behind
// them, each described once (resource/fields.hpp). Money is integer cents.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::invoices {

using resource::Text;
using resource::Time;
using resource::Version;

// POST /api/v1/invoices/{id}/status. Any word is read: one the rules do not
// allow from the invoice's status is a 409 illegal_transition, not a 400.
struct StatusChange {
  Text<20> to;
  Version version;
};
BULWARK_RESOURCE(StatusChange, to, version)

struct InvoiceLineView {
  std::int64_t id = 0;
  std::string description;
  double quantity = 0;
  std::optional<std::string> unit;
  std::int64_t unit_cents = 0;
  std::int64_t amount_cents = 0;
  std::optional<std::int64_t> price_item_id, tax_rate_id;
  std::optional<std::string> tax_name;  // copied from the rate when it was chosen
  std::int64_t tax_rate_bp = 0;
};
BULWARK_RESOURCE(InvoiceLineView, id, description, quantity, unit, unit_cents, amount_cents,
                 price_item_id, tax_rate_id, tax_name, tax_rate_bp)

// The tax of one rate on the invoice (domain/invoices/totals.hpp).
struct InvoiceTaxView {
  std::string name;
  std::int64_t rate_bp = 0;
  std::int64_t base_cents = 0, tax_cents = 0;
};
BULWARK_RESOURCE(InvoiceTaxView, name, rate_bp, base_cents, tax_cents)

// One row of the payment ledger, as the invoice shows it.
struct PaymentView {
  std::int64_t id = 0;
  std::string kind;  // charge | refund
  std::int64_t amount_cents = 0;
  std::string currency, source;
  std::optional<std::string> payment_intent_id, charge_id, refund_id;
  Time at;
  // The office's payments: cash | check | card_external, the check number, the day.
  std::optional<std::string> method, reference, received_on;
};
BULWARK_RESOURCE(PaymentView, id, kind, amount_cents, currency, source, payment_intent_id,
                 charge_id, refund_id, at, method, reference, received_on)

// A payment event that did not match what Bulwark asked for.
struct MismatchView {
  std::string kind;
  std::optional<std::int64_t> expected_cents, received_cents;
  std::optional<std::string> expected_currency, currency;
  std::string invoice_status;
  bool needs_refund = false;
  std::string event_type;
  Time at;
};
BULWARK_RESOURCE(MismatchView, kind, expected_cents, received_cents, expected_currency, currency,
                 invoice_status, needs_refund, event_type, at)

// An invoice in a list.
struct InvoiceSummary {
  std::int64_t id = 0;
  std::string number;  // "INV-1001"
  std::int64_t work_order_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string status;  // draft | open | paid | refunded | void
  std::string currency;
  std::int64_t total_cents = 0;
  Time created_at, updated_at;
  std::optional<Time> paid_at;
  std::int64_t version = 0;
  // Names instead of ids for people: "WO-1042", the customer's name.
  std::string work_order_number;
  std::optional<std::string> customer_name;
};
BULWARK_RESOURCE(InvoiceSummary, id, number, work_order_id, customer_id, status, currency,
                 total_cents, created_at, updated_at, paid_at, version, work_order_number,
                 customer_name)

// The buyer as frozen when the invoice was opened (issue 13 item 5): kept
// under legal hold until the invoice's retention ends, so the invoice still
// names its buyer after the customer is purged.
struct InvoiceBuyer {
  std::string name;
  std::string billing_address;
  std::optional<std::string> email;
};
BULWARK_RESOURCE(InvoiceBuyer, name, billing_address, email)

// One invoice with its lines, link and money.
struct InvoiceView {
  std::int64_t id = 0;
  std::string number;
  std::int64_t work_order_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string status;
  std::string currency;
  std::int64_t total_cents = 0;
  Time created_at, updated_at;
  std::optional<Time> paid_at;
  std::int64_t version = 0;
  std::vector<InvoiceLineView> lines;
  std::optional<std::string> payment_link;  // open invoices only
  std::string payment_state;  // unpaid | partially_paid | paid | partially_refunded | refunded
  std::int64_t paid_cents = 0, refunded_cents = 0, balance_cents = 0;
  std::vector<PaymentView> payments;
  std::vector<MismatchView> mismatches;
  std::string work_order_number;  // "WO-1042"
  std::optional<std::string> customer_name;
  std::optional<InvoiceBuyer> billing_snapshot;  // null before the invoice is opened
  // The draft's edits and the totals computed from them (totals.hpp).
  bool edited = false;
  std::int64_t subtotal_cents = 0;
  std::int64_t discount_cents = 0, discount_bp = 0;  // as set (one of them)
  std::int64_t discount_total_cents = 0;             // as applied
  std::vector<InvoiceTaxView> taxes;
  std::optional<std::string> notes, terms, due_on;
};
BULWARK_RESOURCE(InvoiceView, id, number, work_order_id, customer_id, status, currency, total_cents,
                 created_at, updated_at, paid_at, version, lines, payment_link, payment_state,
                 paid_cents, refunded_cents, balance_cents, payments, mismatches, work_order_number,
                 customer_name, billing_snapshot, edited, subtotal_cents, discount_cents,
                 discount_bp, discount_total_cents, taxes, notes, terms, due_on)

struct InvoiceRow {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::int64_t work_order_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string status;
  std::string currency;
  std::int64_t total_cents = 0;
  Time created_at, updated_at;
  std::optional<Time> paid_at;
  std::int64_t version = 0;
  std::optional<std::int64_t> work_order_number;
  std::optional<std::string> customer_name;
  std::int64_t edited = 0, discount_cents = 0, discount_bp = 0;
  std::optional<std::string> notes, terms, due_on;  // notes opened by the repository
  std::optional<std::string> row_key;               // seals notes and payment references
};
BOOST_DESCRIBE_STRUCT(InvoiceRow, (),
                      (id, number, work_order_id, customer_id, status, currency, total_cents,
                       created_at, updated_at, paid_at, version, work_order_number, customer_name,
                       edited, discount_cents, discount_bp, notes, terms, due_on, row_key))

// GET /api/v1/invoices: newest first, a keyset cursor on the id.
struct InvoiceQuery {
  std::optional<std::string> status;
  std::optional<std::int64_t> before_id;
  std::int64_t limit = 50;
};

// The payment link of an open invoice (a Stripe Checkout Session).
struct PaymentLink {
  std::string url;
  std::string checkout_session_id;
};
BULWARK_RESOURCE(PaymentLink, url, checkout_session_id)

// POST /webhooks/stripe's answer.
struct StripeReceipt {
  bool received = true;
  bool duplicate = false;
};
BULWARK_RESOURCE(StripeReceipt, received, duplicate)

// GET /api/v1/metrics/business.
struct WeekCompletions {
  std::string week_start;  // "2026-11-23"
  std::int64_t completed = 0;
};
BULWARK_RESOURCE(WeekCompletions, week_start, completed)

struct MonthMoney {
  std::string month;  // "2026-11"
  std::int64_t invoiced_cents = 0, paid_cents = 0;
};
BULWARK_RESOURCE(MonthMoney, month, invoiced_cents, paid_cents)

struct BusinessMetrics {
  std::map<std::string, std::int64_t> open_by_status, open_by_priority;
  std::int64_t overdue = 0;
  std::optional<double> mean_hours_to_complete;
  std::vector<WeekCompletions> completed_per_week;
  std::vector<MonthMoney> invoiced_and_paid_per_month;
};
BULWARK_RESOURCE(BusinessMetrics, open_by_status, open_by_priority, overdue, mean_hours_to_complete,
                 completed_per_week, invoiced_and_paid_per_month)

}  // namespace bulwark::domain::invoices
