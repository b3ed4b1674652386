#pragma once
// What a checklist entry means for an item of a given kind: pure rules, so
// a unit test covers them without a database. Which attachment may answer a
// photo or signature item is the service's check (checklist_service.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "domain/work_orders/checklist_model.hpp"
#include "resource/read.hpp"

namespace bulwark::domain::work_orders {

// What is stored for an item: done, its value (the number as entered, pass
// or fail, the text, the signer's name) and the photo or signature PNG.
struct ItemEntry {
  bool done = false;
  std::optional<std::string> value;
  std::optional<std::int64_t> attachment_id;
};

// The entry a PATCH body makes for an item of `kind`, or the problems with
// it by member: a member that does not fit the kind, a missing one, a blank
// text; `done: false` alone clears any item.
Expected<ItemEntry, resource::Problems> entry_for(std::string_view kind, const ChecklistCheck& c);

// A number as the technician would read it back: 1200, 12.5 (no exponent,
// no trailing zeros).
std::string number_text(double n);

}  // namespace bulwark::domain::work_orders
