#pragma once
// The rules of invitations (issue 14 item 4), callable from a unit test with
// no HTTP. An admin invites an address with a role (up to their own rank);
// the invitee gets a single-use 72 h link (domain/links/tokens.hpp) and sets
// their own password when they accept. Every address gets the same answer
// and the same work: a new address and one with an account in another
// organization both get a row, a link and a mail (the second one says the
// address already has an account: memberships across organizations are a
// later step), so neither the answer nor its time tells an admin about
// other organizations' users. A member of this organization gets no mail.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invitations/model.hpp"
#include "domain/links/tokens.hpp"
#include "identity/accounts.hpp"
#include "resource/page.hpp"
#include "security/roles.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invitations {

template <class T>
using Outcome = Expected<T, ApiError>;

inline constexpr std::chrono::hours kLifetime{72};

// Who invites: their id and role (the audit actor says the rest).
struct Inviter {
  std::int64_t user_id = 0;
  security::Role role = security::Role::viewer;
};

Outcome<InvitationAnswer> invite(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                                 const NewInvitation& in, std::string_view public_url,
                                 std::int64_t now);
Outcome<resource::Items<InvitationItem>> list(store::OrgTx& tx, std::int64_t now);
// A new link (the old one stops working) and the mail again.
Outcome<InvitationItem> resend(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                               std::int64_t id, std::string_view public_url, std::int64_t now);
Outcome<InvitationItem> revoke(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                               std::int64_t id, std::int64_t now);

// The invitee's side; `link` was resolved (purpose invitation) by the caller.
// The page before accepting: the organization, the address and the role.
Outcome<InvitationPage> show(store::OrgTx& tx, const links::ResolvedLink& link);
// Who is about to accept (for the password rules, before bcrypt). An
// address that already signs in (another organization's member) joins with
// that account's password instead of choosing one.
struct Invitee {
  std::string email;
  std::optional<identity::Account> account;
};
Outcome<Invitee> invitee(store::OrgTx& tx, const links::ResolvedLink& link);
// What the invitee sent, checked by the caller: the existing account they
// proved with its password, or the hash of the password they chose.
struct Acceptance {
  std::string name;
  std::optional<std::int64_t> account_id;
  std::string password_hash;  // a new account's, when account_id is empty
};
// Creates the membership (and a new account) and uses the link up.
struct Joined {
  std::int64_t user_id = 0;
  std::string email, name;
  security::Role role = security::Role::viewer;
};
Outcome<Joined> accept(store::OrgTx& tx, const links::ResolvedLink& link, const Acceptance& in,
                       const std::string& client_ip, std::int64_t now);

}  // namespace bulwark::domain::invitations
