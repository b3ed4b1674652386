#pragma once
// Photos on work requests (issue 14 item 6): the public form's variant that
// carries them (multipart, no sign-in: the link's token is the credential),
// and the office's view of them until the request is decided.
#include "api/endpoint.hpp"
#include "domain/requests/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<Created<domain::requests::RequestReceived>> file_work_request_with_photos(Ctx& ctx);
Result<http::Response> request_photo_content(Ctx& ctx, PathId id);
Result<http::Response> request_photo_thumbnail(Ctx& ctx, PathId id);

// The route rows, added by add_work_request_routes().
void add_request_photo_routes(http::Router& r);

}  // namespace bulwark::api
