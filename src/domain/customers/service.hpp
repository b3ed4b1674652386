#pragma once
// The rules for customers and their sites, callable from a unit test with
// no HTTP: every function runs inside the caller's organization-scoped
// transaction and audits what it changes (field names, never values).
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/customers/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::customers {

template <class T>
using Outcome = Expected<T, ApiError>;

Outcome<CustomerView> get(store::OrgTx& tx, std::int64_t id);
Outcome<resource::Page<CustomerView>> list(store::OrgTx& tx, const CustomerQuery& q);
Outcome<CustomerView> create(store::OrgTx& tx, const audit::Actor& by,
                             const resource::Read<NewCustomer>& in, std::int64_t now);
// `in` is checked after the customer is found: another organization's
// customer is a 404 whatever the body says.
Outcome<CustomerView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                             const Expected<const resource::Read<CustomerChange>*, ApiError>& in,
                             std::int64_t now);
Outcome<void> remove(store::OrgTx& tx, const audit::Actor& by, std::int64_t id, std::int64_t now);
Outcome<CustomerView> restore(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              std::int64_t now);

// Gate codes and similar access notes are shown to dispatchers and above.
Outcome<resource::Items<SiteView>> sites(store::OrgTx& tx, std::int64_t customer,
                                         bool with_access_notes);
Outcome<SiteView> add_site(store::OrgTx& tx, const audit::Actor& by, std::int64_t customer,
                           const Expected<const resource::Read<NewSite>*, ApiError>& in,
                           bool with_access_notes, std::int64_t now);

CustomerView view(const CustomerRow& r);

}  // namespace bulwark::domain::customers
