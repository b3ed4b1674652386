#pragma once
// The organization's settings, and the one place the rest of the domain
// reads the organization's time zone from.
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/org/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::org {

Expected<OrgSettings, ApiError> settings(store::OrgTx& tx);

// Changes the time zone (validated against the tz database: an unknown
// name is 400 `unknown_time_zone`); audited with the field's name.
Expected<OrgSettings, ApiError> change(store::OrgTx& tx, const audit::Actor& by,
                                       const OrgChange& in);

// The organization's IANA time zone ("UTC" when unset).
std::string time_zone(store::OrgTx& tx);

}  // namespace bulwark::domain::org
