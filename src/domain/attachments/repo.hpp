#pragma once
// The attachments' SQL, beside its only caller (service.cpp).
#include <optional>
#include <vector>

#include "domain/attachments/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::attachments::repo {

std::int64_t insert(store::OrgTx& tx, const Owner& owner, std::int64_t uploaded_by,
                    const Checked& file, std::int64_t size, const std::string& sha256,
                    const std::string& blob_key, std::int64_t now);
std::optional<AttachmentRow> find(store::OrgTx& tx, std::int64_t id);
std::vector<AttachmentRow> of_owner(store::OrgTx& tx, const Owner& owner);
void remove(store::OrgTx& tx, std::int64_t id);
// Whether a checklist item (photo, signature) is answered by the file.
bool in_checklist(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::attachments::repo
