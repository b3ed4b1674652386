#include "api/system_handlers.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "http/web_files.hpp"
#include "store/database.hpp"

namespace bulwark::api {

http::Response health(app::RequestContext&) {
  // Liveness only: answers from the network thread without touching the
  // database, so a slow database never makes an orchestrator kill us.
  static const std::string kBody = R"({"status":"ok"})";
  http::Response res;
  res.headers.set("Content-Type", "application/json");
  res.body = kBody;
  return res;
}

http::Response ready(app::RequestContext& ctx) {
  if (!ctx.services.db.ping())
    throw ApiError(ErrorCode::service_unavailable, "the database is not reachable",
                   "database_unreachable");
  return app::json_response(200, {{"status", "ready"}});
}

http::Response web_app_file(app::RequestContext& ctx) {
  return ctx.services.static_files.serve(ctx.request);
}

}  // namespace bulwark::api
