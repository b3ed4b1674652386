#include "domain/invitations/mail.hpp"

namespace bulwark::domain::invitations {

mail::Message invitation_message(const InvitationMail& m, std::int64_t link_id) {
  mail::Message out;
  out.kind = "invitation";
  out.to_address = m.email;
  out.subject = m.org_name + " invited you to Bulwark";
  const std::string hello = m.name.empty() ? "Hello,\n\n" : "Hello " + m.name + ",\n\n";
  if (m.has_account_elsewhere) {
    out.text = hello + m.org_name + " invited you to join them on Bulwark as " + m.role +
               ".\n\nThis address already signs in to Bulwark. Open this link and enter your "
               "password to add " +
               m.org_name +
               " to your account; after signing in you switch between your organizations from "
               "the top of the page. The link works once, for 72 hours:\n\n" +
               m.url + "\n\nIf you did not expect this email, you can ignore it.\n";
  } else {
    out.text = hello + m.org_name + " invited you to join them on Bulwark as " + m.role +
               ".\n\nOpen this link to choose your password and sign in. It works once, for 72 "
               "hours:\n\n" +
               m.url + "\n\nIf you did not expect this email, you can ignore it.\n";
  }
  // One mail per link: a resend makes a new link and so a new mail.
  out.idempotency_key = "invitation:" + std::to_string(link_id);
  return out;
}

}  // namespace bulwark::domain::invitations
