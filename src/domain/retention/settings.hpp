#pragma once
// Reading and changing the organization's retention periods (owners and
// admins; every change is audited with the names of the periods changed).
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/retention/settings_model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::retention {

RetentionSettings settings(store::OrgTx& tx);
Expected<RetentionSettings, ApiError> change_settings(store::OrgTx& tx, const audit::Actor& by,
                                                      const RetentionChange& in);

}  // namespace bulwark::domain::retention
