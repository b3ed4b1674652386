#pragma once
// "Forgot password" (issue 14 item 4): ask for a link (202 for every
// address) and confirm it with a new password. Both are public (the emailed
// token is the credential of the second), POSTs with the Origin check, at
// the sign-in rate class. domain/password_reset/ has the rules.
#include "api/endpoint.hpp"
#include "domain/password_reset/service.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace password_reset = domain::password_reset;

Result<http::Response> ask_password_reset(Ctx& ctx, const Body<password_reset::ResetRequest>& in);
Result<password_reset::ResetDone> confirm_password_reset(
    Ctx& ctx, const Body<password_reset::ResetConfirm>& in);

void add_password_reset_routes(http::Router& r);

}  // namespace bulwark::api
