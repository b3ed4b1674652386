#pragma once
// The organization's security policy (GET/PUT /api/v1/org/security, issue 15
// item 2): session lifetimes shorter than the server's, the IP allowlist
// (item 5) and the email domains new members may have. Owners change it,
// after a fresh second factor (step-up); every change is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::org {

struct SecurityPolicy {
  // null: the server's own. An organization can only shorten them.
  std::optional<std::int64_t> session_idle_minutes;
  std::optional<std::int64_t> session_lifetime_minutes;
  // What applies when the organization sets nothing, and the longest it may set.
  std::int64_t server_idle_minutes = 0;
  std::int64_t server_lifetime_minutes = 0;
  // Canonical CIDR ranges ("203.0.113.0/24"); empty: every address may sign in.
  std::vector<std::string> ip_allowlist;
  // Lower-case domains a new member's address must be in; empty: any.
  std::vector<std::string> allowed_email_domains;
  // Roles whose members must use two-step sign-in: their next sign-in
  // enrols them before it opens a session (identity/mfa.cpp).
  std::vector<std::string> mfa_required_roles;
  // The caller's address as the server sees it (through the trusted proxy),
  // so an owner can see what an allowlist must include.
  std::string your_ip;
};
BULWARK_RESOURCE(SecurityPolicy, session_idle_minutes, session_lifetime_minutes,
                 server_idle_minutes, server_lifetime_minutes, ip_allowlist, allowed_email_domains,
                 mfa_required_roles, your_ip)

// PUT /api/v1/org/security: a member left out keeps its value; null puts a
// lifetime back to the server's; an empty list lifts the allowlist or the
// domain rule. OWASP ASVS 4.0.3 L2 §3.3 is idle 30, lifetime 720.
struct SecurityPolicyChange {
  resource::Patch<resource::Int<5, 1440>> session_idle_minutes;
  resource::Patch<resource::Int<15, 1440>> session_lifetime_minutes;
  std::optional<std::vector<resource::Text<64>>> ip_allowlist;
  std::optional<std::vector<resource::Text<253>>> allowed_email_domains;
  std::optional<std::vector<resource::Text<20>>> mfa_required_roles;  // "owner", "admin", ...
};
BULWARK_RESOURCE(SecurityPolicyChange, session_idle_minutes, session_lifetime_minutes, ip_allowlist,
                 allowed_email_domains, mfa_required_roles)

}  // namespace bulwark::domain::org
