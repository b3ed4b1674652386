#pragma once
// /api/v1/auth/sessions: where the signed-in person is signed in, and ending
// those sessions (issue 15 item 7).
#include "api/endpoint.hpp"
#include "domain/users/own_sessions.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<Items<domain::users::OwnSession>> list_own_sessions(Ctx& ctx);
Result<NoContent> end_own_session(Ctx& ctx, PathId id);
Result<domain::users::SessionsEnded> end_other_sessions(Ctx& ctx);

void add_own_session_routes(http::Router& r);

}  // namespace bulwark::api
