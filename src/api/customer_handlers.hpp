#pragma once
// /api/v1/customers and their sites. Customers' names, phones and addresses
// are the most sensitive data we hold: every query is scoped by the caller's
// organization (store::OrgSql), every change audited (field names only).
// The rules live in domain/customers/service.cpp.
#include "api/endpoint.hpp"
#include "domain/customers/model.hpp"

namespace bulwark::api {

namespace customers = domain::customers;

Result<Page<customers::CustomerView>> list_customers(Ctx& ctx);
Result<Created<customers::CustomerView>> create_customer(Ctx& ctx, Body<customers::NewCustomer> in);
Result<customers::CustomerView> get_customer(Ctx& ctx, PathId id);
Result<customers::CustomerView> update_customer(Ctx& ctx, PathId id,
                                                LateBody<customers::CustomerChange> in);
Result<NoContent> delete_customer(Ctx& ctx, PathId id);
Result<customers::CustomerView> restore_customer(Ctx& ctx, PathId id);
Result<Items<customers::SiteView>> list_sites(Ctx& ctx, PathId customer);
// PATCH /sites/{id}: the office edits a site, gate code included.
Result<customers::SiteView> update_site(Ctx& ctx, PathId site, LateBody<customers::SiteChange> in);
Result<Created<customers::SiteView>> create_site(Ctx& ctx, PathId customer,
                                                 LateBody<customers::NewSite> in);

}  // namespace bulwark::api
