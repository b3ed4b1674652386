#pragma once
// What the office sends to edit a draft invoice and to record a payment by
// hand (issue 14 item 2). Every edit carries the version the client read.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/price_book/model.hpp"
#include "domain/work_orders/amount.hpp"
#include "resource/fields.hpp"

namespace bulwark::domain::invoices {

using resource::Cents;
using resource::Date;
using resource::Int;
using resource::OneOf;
using resource::Patch;
using resource::Text;
using resource::Version;

using LineQuantity = work_orders::Amount<0, 1000000, true>;
using Id = Int<1, INT64_MAX>;
using BasisPoints = Int<0, 10000>;

// PATCH /api/v1/invoices/{id}: discount (cents or basis points, one of
// them; setting one clears the other), notes, terms, due date.
struct InvoiceChange {
  std::optional<Cents> discount_cents;
  std::optional<BasisPoints> discount_bp;
  Patch<Text<4000, 0>> notes;
  Patch<Text<4000, 0>> terms;
  Patch<Date> due_on;
  Version version;
};
BULWARK_RESOURCE(InvoiceChange, discount_cents, discount_bp, notes, terms, due_on, version)

// POST /api/v1/invoices/{id}/lines: a line typed by the office, or taken
// from the price book (its name, unit, price and default tax rate are
// copied; what is sent here wins).
struct NewInvoiceLine {
  std::optional<Text<500>> description;
  LineQuantity quantity;
  std::optional<OneOf<price_book::kUnits>> unit;
  std::optional<Cents> unit_cents;
  std::optional<Id> price_item_id;
  std::optional<Id> tax_rate_id;
  Version version;
};
BULWARK_RESOURCE(NewInvoiceLine, description, quantity, unit, unit_cents, price_item_id,
                 tax_rate_id, version)

// PATCH /api/v1/invoices/{id}/lines/{line}; tax_rate_id null: untaxed.
struct InvoiceLineChange {
  std::optional<Text<500>> description;
  std::optional<LineQuantity> quantity;
  std::optional<OneOf<price_book::kUnits>> unit;
  std::optional<Cents> unit_cents;
  Patch<Id> tax_rate_id;
  Version version;
};
BULWARK_RESOURCE(InvoiceLineChange, description, quantity, unit, unit_cents, tax_rate_id, version)

// DELETE /api/v1/invoices/{id}/lines/{line}.
struct InvoiceLineRemoval {
  Version version;
};
BULWARK_RESOURCE(InvoiceLineRemoval, version)

inline constexpr std::array<std::string_view, 3> kPaymentMethods{"cash", "check", "card_external"};

// POST /api/v1/invoices/{id}/payments: money the office received.
struct ManualPayment {
  OneOf<kPaymentMethods> method;
  Int<1, 100'000'000> amount_cents;
  std::optional<Text<100>> reference;  // the check number
  std::optional<Date> received_on;     // the org's today when absent
};
BULWARK_RESOURCE(ManualPayment, method, amount_cents, reference, received_on)

}  // namespace bulwark::domain::invoices
