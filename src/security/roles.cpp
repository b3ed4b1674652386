#include "security/roles.hpp"

#include <algorithm>
#include <array>

namespace bulwark::security {

namespace {
using P = Permission;
// The whole policy in one place. Technicians read and update only the work
// orders assigned to them (enforced in the work-order queries), never
// billing; viewers read work and customers. A requester (a plant operator,
// issue 14 item 6) holds only requests_own: filing work requests and
// following their own; every other route refuses them. Everyone may report
// a problem, so every role holds it.
constexpr std::array kOwner = {P::work_orders_read, P::work_orders_write, P::work_orders_assign,
                               P::customers_read,   P::customers_write,   P::users_manage,
                               P::settings_manage,  P::audit_read,        P::invoices_manage,
                               P::metrics_read,     P::requests_own};
constexpr std::array kAdmin = kOwner;
constexpr std::array kDispatcher = {
    P::work_orders_read, P::work_orders_write, P::work_orders_assign, P::customers_read,
    P::customers_write,  P::invoices_manage,   P::requests_own};
constexpr std::array kTechnician = {P::work_orders_read, P::work_orders_write, P::customers_read,
                                    P::requests_own};
constexpr std::array kViewer = {P::work_orders_read, P::customers_read, P::requests_own};
constexpr std::array kRequester = {P::requests_own};
constexpr std::array kRolesWeakestFirst = {Role::requester,  Role::viewer, Role::technician,
                                           Role::dispatcher, Role::admin,  Role::owner};
}  // namespace

std::span<const Role> all_roles() { return kRolesWeakestFirst; }

std::string_view role_name(Role r) {
  switch (r) {
    case Role::owner: return "owner";
    case Role::admin: return "admin";
    case Role::dispatcher: return "dispatcher";
    case Role::technician: return "technician";
    case Role::viewer: return "viewer";
    case Role::requester: return "requester";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (auto r : kRolesWeakestFirst)
    if (role_name(r) == name) return r;
  return std::nullopt;
}

std::span<const Permission> permissions_of(Role r) {
  switch (r) {
    case Role::owner: return kOwner;
    case Role::admin: return kAdmin;
    case Role::dispatcher: return kDispatcher;
    case Role::technician: return kTechnician;
    case Role::viewer: return kViewer;
    case Role::requester: return kRequester;
  }
  return {};
}

bool role_has(Role r, Permission p) {
  if (p == Permission::none) return true;
  auto perms = permissions_of(r);
  return std::ranges::find(perms, p) != perms.end();
}

int role_rank(Role r) {
  switch (r) {
    case Role::owner: return 5;
    case Role::admin: return 4;
    case Role::dispatcher: return 3;
    case Role::technician: return 2;
    case Role::viewer: return 1;
    case Role::requester: return 0;  // below everyone: manages no one, sees no one's work
  }
  return 0;
}

}  // namespace bulwark::security
