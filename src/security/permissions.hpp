#pragma once
// Every permission a route can require. Roles map to sets of these in one
// table (security/roles.cpp, with the identity issue). `none` means "no
// specific permission": public routes, or any authenticated user.
#include <string_view>

namespace bulwark::security {

enum class Permission {
  none,
  work_orders_read,
  work_orders_write,
  work_orders_assign,
  customers_read,
  customers_write,
  users_manage,
  settings_manage,
  audit_read,
  invoices_manage,
  metrics_read,
  requests_own,  // file work requests in the app and follow one's own
};

std::string_view permission_name(Permission p);

}  // namespace bulwark::security
