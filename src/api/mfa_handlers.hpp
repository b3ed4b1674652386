#pragma once
// /api/v1/auth/mfa and /api/v1/auth/step-up (issue 15 item 1): TOTP
// enrolment, its confirmation (with the recovery codes, shown once), turning
// it off, the second step of a sign-in, and step-up for step_up routes.
#include "api/endpoint.hpp"
#include "http/router.hpp"

namespace bulwark::api {

void add_mfa_routes(http::Router& r);

}  // namespace bulwark::api
