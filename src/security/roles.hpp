#pragma once
// Roles and what each may do: the one table (roles.cpp) that maps them.
#include <optional>
#include <span>
#include <string_view>

#include "security/permissions.hpp"

namespace bulwark::security {

enum class Role { owner, admin, dispatcher, technician, viewer, requester };

// Every role, weakest first (ascending role_rank).
std::span<const Role> all_roles();

std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view name);
std::span<const Permission> permissions_of(Role r);
bool role_has(Role r, Permission p);
// Rank for "who may manage whom": an admin cannot create or promote owners.
int role_rank(Role r);

}  // namespace bulwark::security
