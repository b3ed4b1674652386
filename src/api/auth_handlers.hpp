#pragma once
// /api/v1/auth: login, logout, me, password change.
#include "app/context.hpp"

namespace bulwark::api {

http::Response login(app::RequestContext& ctx);
http::Response logout(app::RequestContext& ctx);
http::Response me(app::RequestContext& ctx);
http::Response change_password(app::RequestContext& ctx);

// The user/org/role/permissions view shared by login and me.
boost::json::object principal_view(app::RequestContext& ctx, std::int64_t org_id,
                                   std::int64_t user_id);

}  // namespace bulwark::api
