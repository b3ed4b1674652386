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

// The settings; the labour rate only when `sees_prices` (it is billing data,
// like the price book's prices).
Expected<OrgSettings, ApiError> settings(store::OrgTx& tx, bool sees_prices);
// Without the labour rate: for documents and the rest of the domain.
inline Expected<OrgSettings, ApiError> settings(store::OrgTx& tx) { return settings(tx, false); }

// Changes the time zone (validated against the tz database: an unknown name
// is 400 `unknown_time_zone`), the Reply-To address (400 `invalid_address`)
// and the labour rate; audited with the names of the fields that changed.
Expected<OrgSettings, ApiError> change(store::OrgTx& tx, const audit::Actor& by,
                                       const OrgChange& in, bool sees_prices);

// The organization's IANA time zone ("UTC" when unset).
std::string time_zone(store::OrgTx& tx);

}  // namespace bulwark::domain::org
