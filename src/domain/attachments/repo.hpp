#pragma once
// The attachments' SQL, beside its only caller (service.cpp).
#include <optional>
#include <vector>

#include "domain/attachments/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::attachments::repo {

// The keys of a new file, chosen before the INSERT.
struct NewBlob {
  std::string blob_key;  // where the bytes go (store/blob_store.hpp)
  std::string row_key;   // seals the name, the caption and the bytes
};
// Inserts the row with its name and caption sealed (blob_format: sealed).
std::int64_t insert(store::OrgTx& tx, const Owner& owner, std::int64_t uploaded_by,
                    const Checked& file, std::int64_t size, const std::string& sha256,
                    const NewBlob& blob, std::int64_t now);
// Rows come back opened: handlers and services see plain names.
std::optional<AttachmentRow> find(store::OrgTx& tx, std::int64_t id);
std::vector<AttachmentRow> of_owner(store::OrgTx& tx, const Owner& owner);
void remove(store::OrgTx& tx, std::int64_t id);
// Whether a checklist item (photo, signature) is answered by the file.
bool in_checklist(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::attachments::repo
