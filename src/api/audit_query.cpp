#include "api/audit_query.hpp"

namespace bulwark::api {

audit::Query audit_filters(const Ctx& ctx, const QueryParams& q) {
  audit::Query query;
  query.org_id = ctx.who().org_id;
  query.action = q.text("action", 100);
  query.actor_id = q.integer("actor_id", 1, INT64_MAX);
  query.outcome = q.text("outcome", 20);
  query.since_ms = q.integer("since", 0, INT64_MAX);
  query.until_ms = q.integer("until", 0, INT64_MAX);
  query.before_seq = q.integer("before", 1, INT64_MAX);
  return query;
}

}  // namespace bulwark::api
