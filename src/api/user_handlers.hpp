#pragma once
// /api/v1/users (admins), session revocation, and /api/v1/audit.
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_users(app::RequestContext& ctx);
http::Response create_user(app::RequestContext& ctx);
http::Response update_user(app::RequestContext& ctx);
http::Response revoke_user_sessions(app::RequestContext& ctx);
http::Response revoke_org_sessions(app::RequestContext& ctx);
http::Response list_audit(app::RequestContext& ctx);

}  // namespace bulwark::api
