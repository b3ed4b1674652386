#pragma once
// The office edits a site: name, address, access notes and gate code
// (PATCH /api/v1/sites/{id}, customers.write: dispatchers and above, so the
// answer carries the notes and the code). Audited with the changed fields'
// names, never the gate code itself.
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/customers/model.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::customers {

Expected<SiteView, ApiError> update_site(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t site,
    const Expected<const resource::Read<SiteChange>*, ApiError>& in, std::int64_t now);

}  // namespace bulwark::domain::customers
