#pragma once
// The price book (issue 14 item 1): the services and products an
// organization sells, each with a unit and a unit price in integer cents.
// A pump-out is a flat service, disposal a service per gallon, a riser a
// product each, labour a service per hour; trip and dig-out fees are
// ordinary flat items. Work orders take their line items from here.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::price_book {

using resource::Cents;
using resource::Name;
using resource::Omittable;
using resource::OneOf;
using resource::Patch;
using resource::Text;
using resource::Time;
using resource::Version;

inline constexpr std::array<std::string_view, 2> kKinds{"service", "product"};
inline constexpr std::array<std::string_view, 4> kUnits{"each", "gallon", "hour", "flat"};

struct NewPriceItem {  // POST /api/v1/price-items
  OneOf<kKinds> kind;
  Name<200> name;
  OneOf<kUnits> unit;
  Cents unit_price_cents;
  std::optional<Text<50, 0>> tax_class;
};
BULWARK_RESOURCE(NewPriceItem, kind, name, unit, unit_price_cents, tax_class)

struct PriceItemChange {  // PATCH /api/v1/price-items/{id} (send the version read)
  std::optional<OneOf<kKinds>> kind;
  std::optional<Name<200>> name;
  std::optional<OneOf<kUnits>> unit;
  std::optional<Cents> unit_price_cents;
  Patch<Text<50, 0>> tax_class;
  Version version;
};
BULWARK_RESOURCE(PriceItemChange, kind, name, unit, unit_price_cents, tax_class, version)

struct PriceItemArchive {  // POST /api/v1/price-items/{id}/archive
  Version version;
};
BULWARK_RESOURCE(PriceItemArchive, version)

// A price_items row.
struct PriceItemRow {
  std::int64_t id = 0;
  std::string kind, name, unit;
  std::int64_t unit_price_cents = 0;
  std::optional<std::string> tax_class;
  std::int64_t active = 1;
  std::int64_t version = 1;
  std::int64_t created_at = 0, updated_at = 0;
};
BOOST_DESCRIBE_STRUCT(PriceItemRow, (),
                      (id, kind, name, unit, unit_price_cents, tax_class, active, version,
                       created_at, updated_at))

// What a client sees. Technicians pick items but do not see prices (part
// costs are billing data, hidden from them as on the work order).
struct PriceItemView {
  std::int64_t id = 0;
  std::string kind, name, unit;
  Omittable<std::int64_t> unit_price_cents;
  std::optional<std::string> tax_class;
  bool active = true;
  std::int64_t version = 1;
  Time created_at, updated_at;
};
BULWARK_RESOURCE(PriceItemView, id, kind, name, unit, unit_price_cents, tax_class, active, version,
                 created_at, updated_at)

struct PriceItemQuery {
  std::optional<std::string> like;    // "%term%" on lower(name)
  std::optional<std::string> kind;    // service | product
  std::optional<bool> active = true;  // nullopt: active and archived
};

}  // namespace bulwark::domain::price_book
