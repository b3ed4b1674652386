#include "domain/org/security_policy.hpp"

#include <algorithm>
#include <boost/describe/class.hpp>

#include "core/try.hpp"
#include "net/ip_ranges.hpp"
#include "security/roles.hpp"

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

constexpr OrgSql kPolicy(
    "SELECT session_idle_seconds, session_lifetime_seconds, ip_allowlist, allowed_email_domains, "
    "mfa_required_roles FROM orgs WHERE id = $1");
constexpr OrgSql kSetLifetimes(
    "UPDATE orgs SET session_idle_seconds = $2, session_lifetime_seconds = $3 WHERE id = $1");
constexpr OrgSql kSetAllowlist("UPDATE orgs SET ip_allowlist = $2 WHERE id = $1");
constexpr OrgSql kSetDomains("UPDATE orgs SET allowed_email_domains = $2 WHERE id = $1");
constexpr OrgSql kSetMfaRoles("UPDATE orgs SET mfa_required_roles = $2 WHERE id = $1");

struct PolicyRow {
  std::optional<std::int64_t> session_idle_seconds;
  std::optional<std::int64_t> session_lifetime_seconds;
  std::string ip_allowlist;
  std::string allowed_email_domains;
  std::string mfa_required_roles;
};
BOOST_DESCRIBE_STRUCT(PolicyRow, (),
                      (session_idle_seconds, session_lifetime_seconds, ip_allowlist,
                       allowed_email_domains, mfa_required_roles))

ApiError no_org() { return ApiError(ErrorCode::not_found, "no such organization"); }

// Malformed input: 400 validation_failed, like every body that breaks a rule.
ApiError invalid(std::string field, std::string problem, const std::string& message) {
  return ApiError(ErrorCode::validation_failed, message, "invalid_fields",
                  {{std::move(field), std::move(problem)}});
}
// Well-formed and understood, and refused by a rule of the policy: 422.
ApiError refused(std::string field, std::string problem, const std::string& message,
                 std::string reason) {
  return ApiError(ErrorCode::unprocessable, message, std::move(reason),
                  {{std::move(field), std::move(problem)}});
}

std::optional<std::int64_t> minutes_of(std::optional<std::int64_t> seconds) {
  if (!seconds || *seconds <= 0) return std::nullopt;
  return *seconds / 60;
}

// A DNS name of letters, digits and hyphens in dot-separated labels, with at
// least one dot: enough to refuse typos ("@example.com", "example") without
// a resolver.
bool plausible_domain(std::string_view d) {
  if (d.empty() || d.size() > 253 || d.find('.') == std::string_view::npos) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= d.size(); ++i) {
    if (i == d.size() || d[i] == '.') {
      if (label == 0 || label > 63 || d[i - 1] == '-' || d[i - label] == '-') return false;
      label = 0;
      continue;
    }
    const char c = d[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    ++label;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> deduplicated(std::vector<std::string> items) {
  std::vector<std::string> out;
  for (auto& i : items)
    if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(std::move(i));
  return out;
}

Expected<std::vector<std::string>, ApiError> canonical_ranges(
    const std::vector<resource::Text<64>>& in) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto range = net::parse_ip_range(in[i].value);
    if (!range)
      return unexpected(
          invalid("ip_allowlist", "item " + std::to_string(i + 1) + " is invalid", range.error()));
    out.push_back(net::ip_range_text(*range));
  }
  return deduplicated(std::move(out));
}

bool allows(const std::vector<std::string>& ranges, std::string_view ip) {
  std::vector<net::IpRange> parsed;
  for (const auto& r : ranges)
    if (auto p = net::parse_ip_range(r)) parsed.push_back(*p);
  return net::any_range_contains(parsed, ip);
}

Expected<std::vector<std::string>, ApiError> canonical_domains(
    const std::vector<resource::Text<253>>& in) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto d = lower(in[i].value);
    if (d.starts_with('@')) d.erase(0, 1);
    if (!plausible_domain(d))
      return unexpected(invalid("allowed_email_domains",
                                "item " + std::to_string(i + 1) + " is invalid",
                                "\"" + in[i].value + "\" is not a domain like example.com"));
    out.push_back(std::move(d));
  }
  return deduplicated(std::move(out));
}

Expected<std::vector<std::string>, ApiError> canonical_roles(
    const std::vector<resource::Text<20>>& in) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto role = security::parse_role(lower(in[i].value));
    if (!role)
      return unexpected(invalid("mfa_required_roles",
                                "item " + std::to_string(i + 1) + " is not a role",
                                "\"" + in[i].value + "\" is not a role"));
    out.emplace_back(security::role_name(*role));
  }
  return deduplicated(std::move(out));
}

}  // namespace

std::vector<std::string> split_list(std::string_view stored) {
  std::vector<std::string> out;
  while (!stored.empty()) {
    const auto comma = stored.find(',');
    auto item = stored.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

Expected<SecurityPolicy, ApiError> security_policy(store::OrgTx& tx,
                                                   const ServerSessionLimits& server,
                                                   std::string_view caller_ip) {
  auto row = tx.one<PolicyRow>(kPolicy);
  if (!row) return unexpected(no_org());
  SecurityPolicy out;
  out.session_idle_minutes = minutes_of(row->session_idle_seconds);
  out.session_lifetime_minutes = minutes_of(row->session_lifetime_seconds);
  out.server_idle_minutes = server.idle.count() / 60;
  out.server_lifetime_minutes = server.lifetime.count() / 60;
  out.ip_allowlist = split_list(row->ip_allowlist);
  out.allowed_email_domains = split_list(row->allowed_email_domains);
  out.mfa_required_roles = split_list(row->mfa_required_roles);
  out.your_ip = std::string(caller_ip);
  return out;
}

Expected<SecurityPolicy, ApiError> change_security_policy(store::OrgTx& tx, const audit::Actor& by,
                                                          const SecurityPolicyChange& in,
                                                          const ServerSessionLimits& server,
                                                          std::string_view caller_ip) {
  auto before = tx.one<PolicyRow>(kPolicy);
  if (!before) return unexpected(no_org());

  auto next_seconds = [](const auto& patch, std::optional<std::int64_t> current) {
    if (patch.absent()) return current;
    if (!patch.is_set()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{patch.value().value * 60};
  };
  const auto idle = next_seconds(in.session_idle_minutes, before->session_idle_seconds);
  const auto lifetime = next_seconds(in.session_lifetime_minutes, before->session_lifetime_seconds);
  const auto too_long = [](std::string field, std::chrono::seconds limit) {
    const auto minutes = std::to_string(limit.count() / 60);
    return refused(std::move(field), "at most " + minutes + " minutes",
                   "this server ends sessions after " + minutes +
                       " minutes; an organization can only shorten that",
                   "longer_than_server");
  };
  if (idle && *idle > server.idle.count())
    return unexpected(too_long("session_idle_minutes", server.idle));
  if (lifetime && *lifetime > server.lifetime.count())
    return unexpected(too_long("session_lifetime_minutes", server.lifetime));

  auto ranges = split_list(before->ip_allowlist);
  if (in.ip_allowlist) {
    BULWARK_TRY(ranges, canonical_ranges(*in.ip_allowlist));
    // MUST NOT lock the owner out from where they stand: the way back in is
    // only from the server (`bulwark admin security allow-ip`).
    const auto lockout = "leaves out your own address (" + std::string(caller_ip) +
                         "); add it, or you would be signed out at once";
    if (!ranges.empty() && !allows(ranges, caller_ip))
      return unexpected(refused("ip_allowlist", lockout, lockout, "would_lock_out_self"));
  }
  auto domains = split_list(before->allowed_email_domains);
  if (in.allowed_email_domains) {
    BULWARK_TRY(domains, canonical_domains(*in.allowed_email_domains));
  }

  auto mfa_roles = split_list(before->mfa_required_roles);
  if (in.mfa_required_roles) {
    BULWARK_TRY(mfa_roles, canonical_roles(*in.mfa_required_roles));
  }

  std::vector<std::string> changed;
  if (idle != before->session_idle_seconds) changed.emplace_back("session_idle_minutes");
  if (lifetime != before->session_lifetime_seconds)
    changed.emplace_back("session_lifetime_minutes");
  if (idle != before->session_idle_seconds || lifetime != before->session_lifetime_seconds)
    tx.run(kSetLifetimes, idle, lifetime);
  if (const auto joined = join_list(ranges); joined != before->ip_allowlist) {
    tx.run(kSetAllowlist, joined);
    changed.emplace_back("ip_allowlist");
  }
  if (const auto joined = join_list(domains); joined != before->allowed_email_domains) {
    tx.run(kSetDomains, joined);
    changed.emplace_back("allowed_email_domains");
  }
  if (const auto joined = join_list(mfa_roles); joined != before->mfa_required_roles) {
    tx.run(kSetMfaRoles, joined);
    changed.emplace_back("mfa_required_roles");
  }
  if (!changed.empty())
    by.record(tx.connection(), "org.security_policy_changed", "org", tx.org_id(), changed);
  return security_policy(tx, server, caller_ip);
}

Expected<std::vector<std::string>, ApiError> allow_ip(store::OrgTx& tx, const audit::Actor& by,
                                                      std::string_view range) {
  auto before = tx.one<PolicyRow>(kPolicy);
  if (!before) return unexpected(no_org());
  auto parsed = net::parse_ip_range(range);
  if (!parsed) return unexpected(invalid("range", "invalid", parsed.error()));
  auto ranges = split_list(before->ip_allowlist);
  ranges.push_back(net::ip_range_text(*parsed));
  ranges = deduplicated(std::move(ranges));
  tx.run(kSetAllowlist, join_list(ranges));
  by.record(tx.connection(), "org.ip_allowed", "org", tx.org_id(), {"ip_allowlist"});
  return ranges;
}

Expected<void, ApiError> check_member_email_domain(store::OrgTx& tx, std::string_view email) {
  auto row = tx.one<PolicyRow>(kPolicy);
  if (!row) return unexpected(no_org());
  const auto domains = split_list(row->allowed_email_domains);
  if (domains.empty()) return {};
  const auto at = email.rfind('@');
  const auto domain = lower(at == std::string_view::npos ? "" : email.substr(at + 1));
  if (std::find(domains.begin(), domains.end(), domain) != domains.end()) return {};
  return unexpected(refused(
      "email", "outside the allowed domains",
      "this organization only adds members with an address at one of: " + join_list(domains),
      "email_domain_not_allowed"));
}

}  // namespace bulwark::domain::org
