#pragma once
// /api/v1/org/logo: the logo drawn on the organization's invoices and
// reports (issue 14 item 2). Owners and admins upload (multipart/form-data,
// one `file`) or remove it; everyone signed in may see it. The checks are
// those of every upload (domain/attachments/inspect.hpp), then the server
// makes the PNG it keeps (files::logo_png).
#include "api/endpoint.hpp"
#include "domain/org/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::org::OrgSettings> upload_org_logo(Ctx& ctx);
Result<NoContent> remove_org_logo(Ctx& ctx);
Result<http::Response> get_org_logo(Ctx& ctx);

// Their route rows; added by api::build_router().
void add_org_logo_routes(http::Router& r);

}  // namespace bulwark::api
