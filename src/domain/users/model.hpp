#pragma once
// The organization's users and its audit log as the admin screens see them:
// what a request may send, what a view shows, and the rows behind them.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::users {

using resource::Email;
using resource::Omittable;
using resource::OneOf;
using resource::Text;
using resource::Time;

inline constexpr std::array<std::string_view, 6> kRoles{"owner",      "admin",  "dispatcher",
                                                        "technician", "viewer", "requester"};

struct UserChange {  // PATCH /api/v1/users/{id}
  std::optional<OneOf<kRoles>> role;
  std::optional<bool> active;
  std::optional<Text<200, 0>> name;
};
BULWARK_RESOURCE(UserChange, role, active, name)

// A users row (without its password hash), and its view.
struct User {
  std::int64_t id = 0;
  std::string email, name, role;
  bool active = true;
  Time created_at;
};
BULWARK_RESOURCE(User, id, email, name, role, active, created_at)

// GET /api/v1/users: by id, `next_after` is the next page's `after`.
struct UserPage {
  std::vector<User> items;
  std::optional<std::int64_t> next_after;
};
BULWARK_RESOURCE(UserPage, items, next_after)

struct SessionsEnded {
  std::int64_t sessions_ended = 0;
};
BULWARK_RESOURCE(SessionsEnded, sessions_ended)

// One audit record: who did what to which object, from where, and which
// fields changed (never their values).
struct AuditRecord {
  std::int64_t seq = 0;
  Time at;
  std::string actor_type;
  std::optional<std::int64_t> actor_id;
  std::string action, target_type, target_id, ip, outcome;
  std::vector<std::string> fields;
  // Names instead of ids, for sentences a person reads ("Dana changed
  // Tomas's role"): the member's name (or address) when the actor or the
  // target is a member of this organization; null otherwise.
  std::optional<std::string> actor_name;
  std::optional<std::string> target_name;
};
BULWARK_RESOURCE(AuditRecord, seq, at, actor_type, actor_id, action, target_type, target_id, ip,
                 outcome, fields, actor_name, target_name)

// GET /api/v1/audit: newest first, `next_before` is the next page's `before`.
struct AuditPage {
  std::vector<AuditRecord> items;
  std::optional<std::int64_t> next_before;
};
BULWARK_RESOURCE(AuditPage, items, next_before)

}  // namespace bulwark::domain::users
