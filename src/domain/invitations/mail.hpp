#pragma once
// The invitation email: the link to set a password and join, or, for an
// address that already has an account in another organization, a note to
// ask the inviter for another address (memberships across organizations are
// a later step). Both are queued the same way, so the inviter's answer and
// its time are the same.
#include <cstdint>
#include <string>

#include "mail/outbox.hpp"

namespace bulwark::domain::invitations {

struct InvitationMail {
  std::string org_name, email, name, role, url;
  bool has_account_elsewhere = false;
};

mail::Message invitation_message(const InvitationMail& m, std::int64_t link_id);

}  // namespace bulwark::domain::invitations
