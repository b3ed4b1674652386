#include "api/privacy_routes.hpp"

#include "api/privacy_handlers.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

namespace {

using http::Csrf;
using http::Effect;
using http::Method;
using security::Permission;

// A session route at the standard rate, like routes.cpp's `authed` rows.
void row(http::Router& r, Method m, const char* pattern, Effect effect, Csrf csrf, Permission p,
         std::string_view scope, http::Endpoint handler, const char* summary) {
  r.add({.method = m,
         .pattern = pattern,
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(p),
         .rate = http::RateClass::standard,
         .effect = effect,
         .csrf = csrf,
         .execution = http::Execution::pool,
         .handler = std::move(handler),
         .summary = summary,
         .scope = scope});
}

}  // namespace

void add_privacy_routes(http::Router& r) {
  const Effect reads = Effect::read_only;
  const Effect changes = Effect::changes_state;
  const Csrf safe = Csrf::not_applicable;
  const Csrf token = Csrf::session_token;
  // Owners and admins only: users_manage is theirs alone (security/roles.cpp).
  const Permission owners = Permission::users_manage;
  row(r, Method::get, "/api/v1/customers/{id:int}/export", reads, safe, owners, "privacy:read",
      endpoint<export_customer>(),
      "Everything held about a customer as a ZIP (customer.json and attachments); audited");
  row(r, Method::post, "/api/v1/customers/{id:int}/erase", changes, token, owners, "privacy:write",
      endpoint<erase_customer>(),
      "Erase a customer's personal data everywhere (confirm = the customer's name)");
  row(r, Method::get, "/api/v1/privacy-requests", reads, safe, owners, "privacy:read",
      endpoint<list_privacy_requests>(),
      "Data-subject requests (GDPR due in 30 days, CCPA in 45), open ones first");
  row(r, Method::post, "/api/v1/privacy-requests", changes, token, owners, "privacy:write",
      endpoint<create_privacy_request>(), "Log a data-subject request (access, deletion, opt-out)");
  row(r, Method::post, "/api/v1/privacy-requests/{id:int}/complete", changes, token, owners,
      "privacy:write", endpoint<complete_privacy_request>(), "Mark a data-subject request done");
  // CCPA opt-out: the office reads and sets it (dispatchers take the call).
  row(r, Method::get, "/api/v1/customers/{id:int}/do-not-sell", reads, safe,
      Permission::customers_read, "customers:read", endpoint<get_do_not_sell>(),
      "A customer's CCPA \"do not sell or share\" flag and its history");
  row(r, Method::put, "/api/v1/customers/{id:int}/do-not-sell", changes, token,
      Permission::customers_write, "customers:write", endpoint<set_do_not_sell>(),
      "Set or clear a customer's \"do not sell or share\" flag");
}

}  // namespace bulwark::api
