#pragma once
// An organization's tax rates (issue 14 item 2): a name and a rate in basis
// points (825 = 8.25 %), chosen per invoice line. A price book tax_class
// may name the rate its items take by default.
#include <cstdint>
#include <optional>
#include <string>

#include "resource/fields.hpp"

namespace bulwark::domain::tax_rates {

using resource::Int;
using resource::Name;
using resource::Patch;
using resource::Text;
using resource::Time;
using resource::Version;

struct NewTaxRate {  // POST /api/v1/tax-rates
  Name<100> name;
  Int<0, 10000> rate_bp;
  std::optional<Text<50>> tax_class;
};
BULWARK_RESOURCE(NewTaxRate, name, rate_bp, tax_class)

// PATCH /api/v1/tax-rates/{id}. A changed rate applies to lines that choose
// it afterwards: lines keep the rate copied when they chose it.
struct TaxRateChange {
  std::optional<Name<100>> name;
  std::optional<Int<0, 10000>> rate_bp;
  Patch<Text<50>> tax_class;
  std::optional<bool> active;
  Version version;
};
BULWARK_RESOURCE(TaxRateChange, name, rate_bp, tax_class, active, version)

struct TaxRateRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t rate_bp = 0;
  std::optional<std::string> tax_class;
  std::int64_t active = 1, version = 1, created_at = 0, updated_at = 0;
};
BOOST_DESCRIBE_STRUCT(TaxRateRow, (),
                      (id, name, rate_bp, tax_class, active, version, created_at, updated_at))

struct TaxRateView {
  std::int64_t id = 0;
  std::string name;
  std::int64_t rate_bp = 0;
  std::optional<std::string> tax_class;
  bool active = true;
  std::int64_t version = 1;
  Time created_at, updated_at;
};
BULWARK_RESOURCE(TaxRateView, id, name, rate_bp, tax_class, active, version, created_at, updated_at)

}  // namespace bulwark::domain::tax_rates
