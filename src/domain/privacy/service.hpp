#pragma once
// A customer's export (GDPR Art. 15 and 20, CCPA "right to know") and erasure
// (GDPR Art. 17, CCPA deletion), callable with no HTTP. Both run inside the
// caller's organization-scoped transaction and are audited.
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/privacy/model.hpp"
#include "resource/read.hpp"
#include "store/blob_store.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::privacy {

template <class T>
using Outcome = Expected<T, ApiError>;

struct ExportFile {
  std::string filename;  // customer-<id>-export.zip
  std::string zip;
};

// customer.json (record, sites, work orders with comments, checklists, time
// and parts, messages, invoices, consent, do-not-sell history, privacy
// requests) and attachments/<id>-<name> for each of the customer's files.
Outcome<ExportFile> export_customer(store::OrgTx& tx, const store::BlobStore& blobs,
                                    const audit::Actor& by, std::int64_t customer,
                                    std::int64_t now);

// The body, read after the customer is found (another tenant's is a 404).
using EraseInput = Expected<const resource::Read<EraseRequest>*, ApiError>;

// Removes the customer's personal data everywhere (see repo.cpp for each
// step), deletes their work orders' files from the blob store and appends to
// the erasure ledger in `ledger_dir`. `confirm` must equal the stored name
// (422 confirmation_mismatch). A second call answers 200 with zero counts.
Outcome<EraseCounts> erase_customer(store::OrgTx& tx, const store::BlobStore& blobs,
                                    const std::string& ledger_dir, const audit::Actor& by,
                                    std::int64_t customer, const EraseInput& body,
                                    std::int64_t now);

}  // namespace bulwark::domain::privacy
