#include "api/privacy_routes.hpp"

#include "api/privacy_handlers.hpp"
#include "api/session_route.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using http::Method;
using security::Permission;

void add_privacy_routes(http::Router& r) {
  // Owners and admins only: users_manage is theirs alone (security/roles.cpp).
  const Permission owners = Permission::users_manage;
  add_session_route(
      r, Method::get, "/api/v1/customers/{id:int}/export", owners, "privacy:read",
      endpoint<export_customer>(),
      "Everything held about a customer as a ZIP (customer.json and attachments); audited");
  add_session_route(r, Method::post, "/api/v1/customers/{id:int}/erase", owners, "privacy:write",
                    endpoint<erase_customer>(),
                    "Erase a customer's personal data everywhere (confirm = the customer's name)");
  add_session_route(r, Method::get, "/api/v1/privacy-requests", owners, "privacy:read",
                    endpoint<list_privacy_requests>(),
                    "Data-subject requests (GDPR due in 30 days, CCPA in 45), open ones first");
  add_session_route(r, Method::post, "/api/v1/privacy-requests", owners, "privacy:write",
                    endpoint<create_privacy_request>(),
                    "Log a data-subject request (access, deletion, opt-out)");
  add_session_route(r, Method::post, "/api/v1/privacy-requests/{id:int}/complete", owners,
                    "privacy:write", endpoint<complete_privacy_request>(),
                    "Mark a data-subject request done");
  // CCPA opt-out: the office reads and sets it (dispatchers take the call).
  add_session_route(r, Method::get, "/api/v1/customers/{id:int}/do-not-sell",
                    Permission::customers_read, "customers:read", endpoint<get_do_not_sell>(),
                    "A customer's CCPA \"do not sell or share\" flag and its history");
  add_session_route(r, Method::put, "/api/v1/customers/{id:int}/do-not-sell",
                    Permission::customers_write, "customers:write", endpoint<set_do_not_sell>(),
                    "Set or clear a customer's \"do not sell or share\" flag");
}

}  // namespace bulwark::api
