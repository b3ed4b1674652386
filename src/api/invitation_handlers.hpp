#pragma once
// Invitations (issue 14 item 4). The office's side: POST /api/v1/users is an
// invitation (202, the same answer for every address), and admins list,
// resend and revoke them. The invitee's side is public, by the emailed
// token: GET only shows what the invitation is (mail scanners and link
// previews fetch links, and must consume nothing); accepting is a POST with
// the Origin check that sets the password (zxcvbn rules) and signs in.
// domain/invitations/ has the rules.
#include "api/endpoint.hpp"
#include "domain/invitations/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace invitations = domain::invitations;

Result<Accepted<invitations::InvitationAnswer>> create_user(
    Ctx& ctx, const Body<invitations::NewInvitation>& in);
Result<Items<invitations::InvitationItem>> list_invitations(Ctx& ctx);
Result<invitations::InvitationItem> resend_invitation(Ctx& ctx, PathId id);
Result<invitations::InvitationItem> revoke_invitation(Ctx& ctx, PathId id);
Result<invitations::InvitationPage> show_invitation(Ctx& ctx);
Result<http::Response> accept_invitation(Ctx& ctx, const Body<invitations::AcceptInvitation>& in);

// The route rows but POST /api/v1/users (routes.cpp keeps the users rows
// together); added by api::build_router().
void add_invitation_routes(http::Router& r);

}  // namespace bulwark::api
