#pragma once
// /api/v1/customers and their sites. Customers' names, phones and addresses
// are the most sensitive data we hold: every query is scoped by the caller's
// organization (store::OrgSql), every change audited (field names only).
// The rules live in domain/customers/service.cpp.
#include "api/endpoint.hpp"
#include "domain/customers/model.hpp"

namespace bulwark::api {

using domain::customers::CustomerChange;
using domain::customers::CustomerView;
using domain::customers::NewCustomer;
using domain::customers::NewSite;
using domain::customers::SiteView;

Result<Page<CustomerView>> list_customers(Ctx& ctx);
Result<Created<CustomerView>> create_customer(Ctx& ctx, Body<NewCustomer> in);
Result<CustomerView> get_customer(Ctx& ctx, PathId id);
Result<CustomerView> update_customer(Ctx& ctx, PathId id, LateBody<CustomerChange> in);
Result<NoContent> delete_customer(Ctx& ctx, PathId id);
Result<CustomerView> restore_customer(Ctx& ctx, PathId id);
Result<Items<SiteView>> list_sites(Ctx& ctx, PathId customer);
Result<Created<SiteView>> create_site(Ctx& ctx, PathId customer, LateBody<NewSite> in);

}  // namespace bulwark::api
