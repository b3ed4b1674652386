#pragma once
// Links that work without signing in (issue 14 items 4, 5 and 6): each is a
// random 256-bit token (base64url, 43 characters) for one purpose and one
// subject, valid until it expires, is revoked or, for a single-use purpose,
// is used. The database keeps only the token's SHA-256 (independent of the
// server secret, like sessions), so a copy of it opens nothing. Resolving
// answers one way for every refusal (404 link_not_found): an unknown,
// tampered, expired, revoked or other-purpose token look alike.
#include <boost/describe/class.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::links {

// What a link is for; the table's CHECK allows every one of them.
// unsubscribe: one-click unsubscribe from a customer's marketing email
// (RFC 8058), subject_id the customer (domain/service_plans/unsubscribe.hpp).
enum class Purpose {
  appointment,
  invoice,
  report,
  invitation,
  password_reset,
  request,
  unsubscribe
};
std::string_view purpose_name(Purpose p);
std::optional<Purpose> parse_purpose(std::string_view name);

struct IssuedLink {
  std::int64_t id = 0;
  std::string token;  // shown once; never stored, never logged
  std::int64_t expires_at = 0;
};

struct NewLink {
  Purpose purpose = Purpose::appointment;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> work_order_id;  // for the office's list of a work order's links
  std::optional<std::int64_t> created_by;
  std::chrono::milliseconds ttl{0};
};

// Inserts the link in the caller's transaction and returns the token.
IssuedLink issue(store::OrgTx& tx, const NewLink& link, std::int64_t now);

// A live link, as resolve finds it.
struct ResolvedLink {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  Purpose purpose = Purpose::appointment;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> work_order_id;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

// The one refusal (404 link_not_found), whatever the reason.
ApiError link_not_found();

// Looks the token up by its hash (across organizations: the token names its
// organization) and refuses, all alike, a malformed, unknown, expired or
// revoked token and one whose purpose is not in `allowed`.
Expected<ResolvedLink, ApiError> resolve(store::Database& db, std::string_view token,
                                         std::span<const Purpose> allowed, std::int64_t now);

// Marks a link used, once: false when it already was (a replay).
bool mark_used(store::OrgTx& tx, std::int64_t id, std::int64_t now);
// Revokes a live link of the organization: false when there is no such
// link or it was already revoked.
bool revoke(store::OrgTx& tx, std::int64_t id, std::optional<std::int64_t> by, std::int64_t now);

// A link as the office lists it: never the token.
struct LinkRow {
  std::int64_t id = 0;
  std::string purpose;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> work_order_id, created_by;
  std::int64_t created_at = 0, expires_at = 0;
  std::optional<std::int64_t> revoked_at, used_at;
  std::optional<std::string> created_by_name;
};
BOOST_DESCRIBE_STRUCT(LinkRow, (),
                      (id, purpose, subject_id, work_order_id, created_by, created_at, expires_at,
                       revoked_at, used_at, created_by_name))
std::vector<LinkRow> of_work_order(store::OrgTx& tx, std::int64_t work_order_id);
std::optional<LinkRow> find(store::OrgTx& tx, std::int64_t id);

}  // namespace bulwark::domain::links
