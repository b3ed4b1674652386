#pragma once
// The office's inbox of work requests (issue 14 item 6): list them with the
// asset's and site's names, approve one (it becomes a work order on that
// asset and site, the request linked to it) or decline it with a reason
// that is texted to the requester when they gave a phone. Each decision is
// version-checked (409 version_conflict) and happens once (409
// already_decided); both are audited (field names, never values).
#include <optional>
#include <string>

#include "domain/requests/model.hpp"
#include "domain/work_orders/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

template <class T>
using Outcome = Expected<T, ApiError>;
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

// `status`: new | approved | declined, or every request.
Outcome<resource::Items<WorkRequestView>> list(store::OrgTx& tx,
                                               const std::optional<std::string>& status);
Outcome<WorkRequestView> get(store::OrgTx& tx, std::int64_t id);
// The request's photos become the work order's attachments.
Outcome<WorkRequestView> approve(store::OrgTx& tx, const store::BlobStore& blobs,
                                 const work_orders::Caller& by, std::int64_t id,
                                 const Checked<RequestApprove>& in, std::int64_t now);
// The request's photos are deleted with their bytes (not kept for a
// retention sweep: declined, they serve no one).
Outcome<RequestDeclined> decline(store::OrgTx& tx, const store::BlobStore& blobs,
                                 const audit::Actor& by, std::int64_t id,
                                 const Checked<RequestDecline>& in, std::int64_t now);

}  // namespace bulwark::domain::requests
