#pragma once
// Invitations (issue 14 item 4) as the API shows them. The answer to an
// invitation is the same for every address (a new one, a member of this
// organization, an account of another organization): status, shape and
// work, so an admin learns nothing about other organizations' users.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/users/model.hpp"
#include "resource/fields.hpp"

namespace bulwark::domain::invitations {

using resource::Email;
using resource::Name;
using resource::OneOf;
using resource::Text;
using resource::Time;

struct NewInvitation {  // POST /api/v1/users
  Email email;
  std::optional<Text<200, 0>> name;
  OneOf<users::kRoles> role;
};
BULWARK_RESOURCE(NewInvitation, email, name, role)

// What POST /api/v1/users answers (202), whatever the address was.
struct InvitationView {
  std::int64_t id = 0;
  std::string email;
  Time expires_at;
  std::string status;  // pending
};
BULWARK_RESOURCE(InvitationView, id, email, expires_at, status)
struct InvitationAnswer {
  InvitationView invitation;
};
BULWARK_RESOURCE(InvitationAnswer, invitation)

// An invitation as the admins list it: status pending | accepted | revoked | expired.
struct InvitationItem {
  std::int64_t id = 0;
  std::string email, name, role, status;
  Time created_at, expires_at;
  std::optional<std::string> invited_by_name;
  std::int64_t sent_count = 0;
};
BULWARK_RESOURCE(InvitationItem, id, email, name, role, status, created_at, expires_at,
                 invited_by_name, sent_count)

// What the invitee's page shows before they accept (GET by token).
struct InvitationPage {
  std::string org_name, email, name, role;
  Time expires_at;
  // The address already signs in to Bulwark (another organization): the
  // invitee joins with that password instead of choosing one. Shown only to
  // whoever holds the link mailed to that address.
  bool has_account = false;
};
BULWARK_RESOURCE(InvitationPage, org_name, email, name, role, expires_at, has_account)

struct AcceptInvitation {  // POST /api/v1/invitations/accept
  Text<64> token;
  Text<1024, 0> password;
  Name<200> name;
};
BULWARK_RESOURCE(AcceptInvitation, token, password, name)

}  // namespace bulwark::domain::invitations
