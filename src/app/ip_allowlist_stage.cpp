// The organization's IP allowlist (issue 15 item 5), applied after
// authentication to every session and every API client's token (after the
// client's own allowed_ips, app/bearer_auth.cpp):
// the client address is the socket's or, from the trusted proxy only, its
// X-Forwarded-For (stages::trusted_proxy ran first). A refusal is audited,
// so owners see who tried from where.
#include "app/pipeline.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "logging/log.hpp"
#include "net/ip_ranges.hpp"

namespace bulwark::app::stages {

namespace {

std::vector<net::IpRange> parsed_ranges(std::string_view stored) {
  std::vector<net::IpRange> out;
  while (!stored.empty()) {
    const auto comma = stored.find(',');
    // Written only after parse_ip_range accepted it; a range that no longer
    // parses allows nothing rather than everything.
    if (auto r = net::parse_ip_range(stored.substr(0, comma))) out.push_back(*r);
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

void audit_refusal(Exchange& ex) noexcept {
  try {
    const auto& who = *ex.principal;
    audit::Entry e;
    e.org_id = who.org_id;
    e.action = "auth.ip_refused";
    if (who.client) {  // an API client's token: the entry names the client
      e.actor_type = "api_client";
      e.actor_id = who.client->id;
      e.target_type = "api_client";
      e.target_id = std::to_string(who.client->id);
    } else {
      e.actor_id = who.user_id;
      e.target_type = "session";
      e.target_id = std::to_string(who.session_id);
    }
    e.ip = ex.request.client_ip;
    e.outcome = "denied";
    audit::append(ex.services.db, e);
  } catch (...) {
    // The refusal stands even when its record cannot be written.
    logging::warn("audit of an IP refusal failed",
                  {{logging::Field::request_id, ex.request.request_id}});
  }
}

}  // namespace

Verdict ip_allowlist(Exchange& ex) {
  if (!ex.principal || ex.principal->org_ip_allowlist.empty()) return std::nullopt;
  if (net::any_range_contains(parsed_ranges(ex.principal->org_ip_allowlist), ex.request.client_ip))
    return std::nullopt;
  audit_refusal(ex);
  return error_response(
      ApiError(ErrorCode::forbidden,
               "your organization allows sign-in only from its listed networks; this address is "
               "not one of them",
               "ip_not_allowed"),
      ex.request.request_id);
}

}  // namespace bulwark::app::stages
