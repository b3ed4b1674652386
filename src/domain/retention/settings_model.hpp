#pragma once
// The organization's retention periods (Settings -> Privacy): how long a
// soft-deleted customer, an invoice (from issue) and a live audit entry are
// kept before the retention sweep acts (app/retention.cpp).
#include <cstdint>
#include <optional>

#include "resource/fields.hpp"

namespace bulwark::domain::retention {

// The field-service policy's retention table.
inline constexpr std::int64_t kDefaultCustomerYears = 7;
inline constexpr std::int64_t kDefaultInvoiceYears = 7;
inline constexpr std::int64_t kDefaultAuditYears = 2;
// A year as the sweeps count it (365.25 days), in milliseconds.
inline constexpr std::int64_t kYearMs = 31'557'600'000;

struct RetentionSettings {  // GET /api/v1/org/retention
  std::int64_t customer_retention_years = kDefaultCustomerYears;
  std::int64_t invoice_retention_years = kDefaultInvoiceYears;
  std::int64_t audit_retention_years = kDefaultAuditYears;
};
BULWARK_RESOURCE(RetentionSettings, customer_retention_years, invoice_retention_years,
                 audit_retention_years)

// PATCH /api/v1/org/retention: a field left out keeps its value. One year is
// the floor (a shorter period would let a slip of the finger delete
// records the office still needs); 100 the ceiling.
using Years = resource::Int<1, 100>;
struct RetentionChange {
  std::optional<Years> customer_retention_years;
  std::optional<Years> invoice_retention_years;
  std::optional<Years> audit_retention_years;
};
BULWARK_RESOURCE(RetentionChange, customer_retention_years, invoice_retention_years,
                 audit_retention_years)

}  // namespace bulwark::domain::retention
