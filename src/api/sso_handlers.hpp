#pragma once
// OpenID Connect single sign-on (issue 15 item 4): the public start and
// callback of a sign-in, and the organization's provider settings.
// domain/sso/ has the rules.
#include "api/endpoint.hpp"
#include "domain/sso/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::sso::SsoStarted> start_sso(Ctx& ctx, const Body<domain::sso::SsoStart>& in);
Result<http::Response> sso_callback(Ctx& ctx);
Result<domain::sso::ProviderView> get_sso_settings(Ctx& ctx);
Result<domain::sso::ProviderView> put_sso_settings(Ctx& ctx,
                                                   const Body<domain::sso::ProviderSettings>& in);

void add_sso_routes(http::Router& r);

}  // namespace bulwark::api
