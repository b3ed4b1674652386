#include "app/context.hpp"

#include <boost/json.hpp>

namespace bulwark::app {

bool ApiClientRef::has_scope(std::string_view scope) const {
  if (scope.empty()) return false;
  for (const auto& s : scopes)
    if (s == scope) return true;
  return false;
}

audit::Actor RequestContext::actor() const {
  audit::Actor a;
  if (principal) {
    a.org_id = principal->org_id;
    a.user_id = principal->user_id;
    if (principal->client) {
      a.type = "api_client";
      a.client_id = principal->client->id;
    }
  }
  a.ip = request.client_ip;
  return a;
}

audit::Entry RequestContext::audit_entry(std::string action, std::string target_type,
                                         std::string target_id) const {
  audit::Entry e;
  e.actor_type = "user";
  if (principal) {
    e.org_id = principal->org_id;
    e.actor_id = principal->user_id;
    if (principal->client) {
      e.actor_type = "api_client";
      e.actor_id = principal->client->id;
    }
  }
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = std::move(target_id);
  e.ip = request.client_ip;
  return e;
}

audit::Entry RequestContext::webhook_audit_entry(std::int64_t org_id, std::string action,
                                                 std::string target_type,
                                                 std::string target_id) const {
  audit::Entry e = audit_entry(std::move(action), std::move(target_type), std::move(target_id));
  e.org_id = org_id;
  e.actor_type = "webhook";
  e.actor_id.reset();
  return e;
}

http::Response json_response(int status, const boost::json::value& body) {
  http::Response res;
  res.status = status;
  res.headers.set("Content-Type", "application/json");
  res.body = boost::json::serialize(body);
  return res;
}

http::Response raw_json_response(int status, std::string body) {
  http::Response res;
  res.status = status;
  res.headers.set("Content-Type", "application/json");
  res.body = std::move(body);
  return res;
}

}  // namespace bulwark::app
