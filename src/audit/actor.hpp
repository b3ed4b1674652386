#pragma once
// Who is acting, for the audit entries a domain service writes: the handler
// builds it from the principal (app::RequestContext::actor()), a webhook from
// the provider, the CLI as itself. Services never see HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"

namespace bulwark::audit {

struct Actor {
  std::int64_t org_id = 0;
  std::string type = "user";  // user | cli | system | webhook | api_client
  // The person on whose behalf rows are written (authorship columns refer
  // to users): for an API client, the admin who created it.
  std::optional<std::int64_t> user_id;
  std::string ip;
  // An API client (issue 15 item 3): the audit entry names it, not its creator.
  // Defaulted, so that the brace-initialised actors of webhooks, workers and
  // tests need not name it.
  std::optional<std::int64_t> client_id = std::nullopt;

  Entry entry(std::string action, std::string target_type, std::string target_id,
              std::vector<std::string> fields = {}) const {
    Entry e;
    e.org_id = org_id;
    e.actor_type = type;
    e.actor_id = client_id ? client_id : user_id;
    e.action = std::move(action);
    e.target_type = std::move(target_type);
    e.target_id = std::move(target_id);
    e.ip = ip;
    e.fields = std::move(fields);
    return e;
  }
  // Appends inside the caller's transaction.
  void record(store::Connection& conn, std::string action, std::string target_type,
              std::int64_t target_id, std::vector<std::string> fields = {}) const {
    append(conn, entry(std::move(action), std::move(target_type), std::to_string(target_id),
                       std::move(fields)));
  }
};

}  // namespace bulwark::audit
