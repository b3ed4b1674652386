#pragma once
// The requester's routes (issue 14 item 6): the places they may report on,
// filing a request from inside the app, and their own requests with their
// status. Held by permission requests_own, the only one a requester has;
// with their account and sign-out (permission none) that is all they reach.
#include "api/endpoint.hpp"
#include "domain/requests/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<Items<domain::requests::RequestPlace>> list_request_places(Ctx& ctx);
Result<Items<domain::requests::MyRequestView>> list_my_requests(Ctx& ctx);
Result<Created<domain::requests::MyRequestView>> file_my_request(
    Ctx& ctx, Body<domain::requests::MyNewRequest> in);

// The route rows, added by add_work_request_routes().
void add_requester_routes(http::Router& r);

}  // namespace bulwark::api
