#pragma once
// /api/v1/customers and their sites. Customers' names, phones and addresses
// are the most sensitive data we hold: every query is scoped by the caller's
// organization, every change audited (field names only).
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_customers(app::RequestContext& ctx);
http::Response create_customer(app::RequestContext& ctx);
http::Response get_customer(app::RequestContext& ctx);
http::Response update_customer(app::RequestContext& ctx);
http::Response delete_customer(app::RequestContext& ctx);
http::Response restore_customer(app::RequestContext& ctx);
http::Response list_sites(app::RequestContext& ctx);
http::Response create_site(app::RequestContext& ctx);

}  // namespace bulwark::api
