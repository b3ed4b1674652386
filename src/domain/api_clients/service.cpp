#include "domain/api_clients/service.hpp"

#include <algorithm>

#include "core/try.hpp"
#include "crypto/random.hpp"
#include "domain/api_clients/repo.hpp"
#include "net/ip_ranges.hpp"

namespace bulwark::domain::api_clients {

namespace {

constexpr std::size_t kSecretBytes = 32;    // 256 bits (issue 15 item 3)
constexpr std::size_t kClientIdBytes = 16;  // a public name; unique, not secret

ApiError unprocessable(const std::string& message, std::string reason, std::string field,
                       std::string problem) {
  return ApiError(ErrorCode::unprocessable, message, std::move(reason),
                  {{std::move(field), std::move(problem)}});
}

std::optional<Time> time_of(std::optional<std::int64_t> ms) {
  if (!ms) return std::nullopt;
  return Time{*ms};
}

Outcome<security::Role> ceiling_for(const Creator& by, const std::string& name) {
  const auto role = security::parse_role(name);
  if (!role)
    return unexpected(unprocessable("no such role", "unknown_role", "role",
                                    "must be admin, dispatcher, technician, viewer or requester"));
  // An integration never holds the owner's powers (deleting the
  // organization, transferring ownership), and no one hands out more than
  // they hold.
  if (*role == security::Role::owner)
    return unexpected(unprocessable("an API client can never have the owner role",
                                    "role_not_allowed", "role", "may not be owner"));
  if (security::role_rank(*role) > security::role_rank(by.role))
    return unexpected(unprocessable("an API client's role can be at most your own",
                                    "role_not_allowed", "role", "is above your role"));
  return *role;
}

}  // namespace

ApiClientView view_of(const ApiClientRow& r) {
  return ApiClientView{r.id,
                       r.client_id,
                       r.name,
                       r.purpose,
                       r.role,
                       split_words(r.scopes),
                       split_words(r.allowed_ips),
                       r.created_by,
                       Time{r.created_at},
                       time_of(r.expires_at),
                       time_of(r.revoked_at),
                       time_of(r.last_used_at)};
}

Outcome<resource::Items<ApiClientView>> list(store::OrgTx& tx) {
  resource::Items<ApiClientView> out;
  for (const auto& r : repo::list(tx)) out.items.push_back(view_of(r));
  return out;
}

Outcome<CreatedApiClient> create(store::OrgTx& tx, const Creator& by,
                                 const resource::Read<NewApiClient>& in, std::int64_t now) {
  const auto& c = in.value;
  BULWARK_TRY(const auto role, ceiling_for(by, c.role.value));
  if (c.scopes.values.empty())
    return unexpected(unprocessable("an API client needs at least one scope", "no_scope", "scopes",
                                    "must name at least one scope"));
  for (const auto& s : c.scopes.values)
    if (std::ranges::find(by.known_scopes, s) == by.known_scopes.end())
      return unexpected(unprocessable("no route grants the scope " + s, "unknown_scope", "scopes",
                                      "unknown scope " + s));
  if (c.expires_at && c.expires_at->ms <= now)
    return unexpected(unprocessable("the expiry is in the past", "expires_in_past", "expires_at",
                                    "must be in the future"));
  // allowed_ips: each a CIDR range (or one address), stored canonical.
  std::vector<std::string> ips;
  if (c.allowed_ips)
    for (const auto& text : c.allowed_ips->values) {
      auto range = net::parse_ip_range(text);
      if (!range)
        return unexpected(unprocessable("not an IP range: " + range.error(), "invalid_ip_range",
                                        "allowed_ips", range.error()));
      auto canonical = net::ip_range_text(*range);
      if (std::ranges::find(ips, canonical) == ips.end()) ips.push_back(std::move(canonical));
    }

  const std::string secret = crypto::random_token(kSecretBytes);
  repo::NewRow row{crypto::random_hex(kClientIdBytes),
                   crypto::sha256_hex(secret),
                   c.name.value,
                   c.purpose.value,
                   join_words(c.scopes.values),
                   std::string(security::role_name(role)),
                   join_words(ips),
                   by.actor.user_id.value_or(0),
                   c.expires_at ? std::optional<std::int64_t>(c.expires_at->ms) : std::nullopt};
  const auto id = repo::insert(tx, row, now);
  by.actor.record(tx.connection(), "api_client.created", "api_client", id, in.present);
  return CreatedApiClient{id,       row.client_id,   secret, row.name,     row.purpose,
                          row.role, c.scopes.values, ips,    c.expires_at, Time{now}};
}

Outcome<ApiClientView> revoke(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              std::int64_t now) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such API client"));
  if (!row->revoked_at) {
    repo::revoke(tx, id, now);
    by.record(tx.connection(), "api_client.revoked", "api_client", id, {"revoked_at"});
    row = repo::find(tx, id);
  }
  return view_of(*row);
}

}  // namespace bulwark::domain::api_clients
