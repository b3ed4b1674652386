#pragma once
// The price book's SQL, beside its only callers (service.cpp, line_item.cpp).
#include <optional>
#include <vector>

#include "domain/price_book/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::price_book::repo {

std::optional<PriceItemRow> find(store::OrgTx& tx, std::int64_t id);
std::vector<PriceItemRow> list(store::OrgTx& tx, const PriceItemQuery& q);
// Another active item of the organization with this name, whatever its case.
bool name_taken(store::OrgTx& tx, const std::string& name, std::optional<std::int64_t> except);
std::int64_t insert(store::OrgTx& tx, const NewPriceItem& in, std::int64_t now);
// Only from the version read (409 version_conflict).
Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t id, const PriceItemChange& c,
                                std::int64_t now);
Expected<void, ApiError> archive(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                 std::int64_t now);

}  // namespace bulwark::domain::price_book::repo
