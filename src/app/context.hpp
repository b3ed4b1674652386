#pragma once
// What a handler sees: the request, its typed path parameters, the
// authenticated principal (if any) and the server's services.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/actor.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "security/roles.hpp"

namespace bulwark::config {
struct Config;
}
namespace bulwark::store {
class Database;
}
namespace bulwark::http {
class WebFiles;
}

namespace bulwark::app {

struct Services {
  const config::Config& config;
  store::Database& db;
  const http::WebFiles& static_files;
  const core::Clock& clock;
};

// An API client behind a bearer token (issue 15 item 3).
struct ApiClientRef {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> scopes;  // what its token was granted
  bool has_scope(std::string_view scope) const;
};

// Who is calling, once authenticated. Filled by the authenticate stage.
// org_id comes from here and only from here: never from the request.
struct Principal {
  std::int64_t org_id = 0;
  std::int64_t user_id = 0;
  security::Role role = security::Role::viewer;
  std::int64_t session_id = 0;  // 0 for bearer tokens
  std::string csrf_token;       // the session's, for the CSRF stage
  std::string email;
  std::string name;
  std::string org_slug;
  std::string org_name;
  std::string org_time_zone;
  // The organization's IP allowlist (canonical CIDR ranges, comma-separated;
  // "" allows every address), checked by the ip_allowlist stage.
  std::string org_ip_allowlist;
  // Set for a bearer token: the client, its granted scopes; `role` is then
  // its role ceiling and `user_id` the admin who created it.
  std::optional<ApiClientRef> client = std::nullopt;
};

struct RequestContext {
  const http::Request& request;
  const http::PathParams& params;
  const http::Route& route;
  Services& services;
  std::optional<Principal> principal;

  // The principal of an authenticated route (the pipeline guarantees one).
  const Principal& who() const { return principal.value(); }
  // Now, from the services' clock (never a process-wide function).
  std::int64_t now_ms() const { return services.clock.now_ms(); }
  // The caller as the actor of the audit entries a service writes.
  audit::Actor actor() const;
  // An audit entry pre-filled with the actor, org and client IP.
  audit::Entry audit_entry(std::string action, std::string target_type = {},
                           std::string target_id = {}) const;
  // The same for a webhook: no principal; the signature's provider acted on
  // the organization the event belongs to.
  audit::Entry webhook_audit_entry(std::int64_t org_id, std::string action, std::string target_type,
                                   std::string target_id) const;
};

// A JSON response with the given status.
http::Response json_response(int status, const boost::json::value& body);
// The same for a body already written as JSON text (http::JsonWriter).
http::Response raw_json_response(int status, std::string body);

}  // namespace bulwark::app
