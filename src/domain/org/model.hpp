#pragma once
// The organization's own settings (GET/PATCH /api/v1/org): today its time
// zone, the IANA name every local day and customer-facing time uses.
#include <cstdint>
#include <optional>
#include <string>

#include "resource/fields.hpp"

namespace bulwark::domain::org {

using resource::Text;

struct OrgSettings {
  std::int64_t id = 0;
  std::string slug, name;
  std::string time_zone;  // "America/New_York"
};
BULWARK_RESOURCE(OrgSettings, id, slug, name, time_zone)

struct OrgChange {  // PATCH /api/v1/org
  std::optional<Text<64>> time_zone;
};
BULWARK_RESOURCE(OrgChange, time_zone)

}  // namespace bulwark::domain::org
