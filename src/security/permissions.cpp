#include "security/permissions.hpp"

namespace bulwark::security {

std::string_view permission_name(Permission p) {
  switch (p) {
    case Permission::none: return "none";
    case Permission::work_orders_read: return "work_orders.read";
    case Permission::work_orders_write: return "work_orders.write";
    case Permission::work_orders_assign: return "work_orders.assign";
    case Permission::customers_read: return "customers.read";
    case Permission::customers_write: return "customers.write";
    case Permission::users_manage: return "users.manage";
    case Permission::settings_manage: return "settings.manage";
    case Permission::audit_read: return "audit.read";
    case Permission::invoices_manage: return "invoices.manage";
    case Permission::metrics_read: return "metrics.read";
    case Permission::requests_own: return "requests.own";
  }
  return "none";
}

}  // namespace bulwark::security
