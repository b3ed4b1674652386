#pragma once
// Attachments on work orders and assets (MUST-007): who may see, add and
// remove them. The checks a file passes are in inspect.hpp; this stores what
// passed, lists and serves it.
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/attachments/inspect.hpp"
#include "domain/attachments/model.hpp"
#include "domain/work_orders/model.hpp"
#include "resource/page.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::attachments {

template <class T>
using Outcome = Expected<T, ApiError>;
using Caller = work_orders::Caller;

// 404 unless the owner exists in the caller's organization and the caller
// may see it (a technician: only work orders assigned to them).
Outcome<void> check_owner(store::OrgTx& tx, const Caller& by, const Owner& owner);

// Stores a file that passed inspect(), with its thumbnail, and audits it.
Outcome<AttachmentView> add(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                            const Owner& owner, const Checked& file, std::int64_t now);

// The audit entry of a file the scanner refused (nothing is stored).
void record_malware(store::OrgTx& tx, const Caller& by, const Owner& owner);

Outcome<resource::Items<AttachmentView>> list(store::OrgTx& tx, const Caller& by,
                                              const Owner& owner);

// The file (or its thumbnail), for a caller who may see its owner.
Outcome<Content> content(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                         std::int64_t id, bool thumbnail);

// The uploader, or the office (anyone but a technician), removes a file.
Outcome<void> remove(store::OrgTx& tx, const store::BlobStore& blobs, const Caller& by,
                     std::int64_t id);

}  // namespace bulwark::domain::attachments
