#pragma once
// The customers' and sites' SQL, beside its only callers (service.cpp).
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/customers/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::customers::repo {

std::optional<CustomerRow> find(store::OrgTx& tx, std::int64_t id);
// Up to q.limit + 1 rows (the extra one says there is a next page).
// Rows come opened; a search's false positives (truncated blind indexes)
// are dropped after opening.
std::vector<CustomerRow> list(store::OrgTx& tx, const CustomerQuery& q,
                              std::optional<std::int64_t> after_id);
std::int64_t insert(store::OrgTx& tx, const NewCustomer& c, std::int64_t now);
// `current`: the row as read (its row key seals the new values).
Expected<void, ApiError> update(store::OrgTx& tx, const CustomerRow& current,
                                const CustomerChange& c, std::int64_t now);
bool set_deleted(store::OrgTx& tx, std::int64_t id, bool deleted, std::int64_t now);

std::vector<SiteRow> sites(store::OrgTx& tx, std::int64_t customer);
SiteRow insert_site(store::OrgTx& tx, std::int64_t customer, const NewSite& s, std::int64_t now);

}  // namespace bulwark::domain::customers::repo
