#include "domain/invitations/service.hpp"

#include "core/try.hpp"
#include "domain/invitations/mail.hpp"
#include "domain/org/security_policy.hpp"
#include "domain/users/repo.hpp"
#include "identity/accounts.hpp"
#include "identity/users.hpp"
#include "mail/message.hpp"

namespace bulwark::domain::invitations {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr OrgSql kInsert(
    "INSERT INTO invitations (org_id, email, name, role, found, status, invited_by, created_at, "
    "updated_at, expires_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $7, $7) "
    "RETURNING id");
constexpr OrgSql kSetLink(
    "UPDATE invitations SET link_id = $3, expires_at = $4, sent_count = sent_count + $5, "
    "updated_at = $6 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSetStatus(
    "UPDATE invitations SET status = $3, user_id = $4, updated_at = $5 "
    "WHERE org_id = $1 AND id = $2 AND status = 'pending'");
#define INVITATION_SELECT                                                                     \
  "SELECT i.id, i.email, i.name, i.role, i.found, i.status, i.link_id, i.created_at, "        \
  "i.expires_at, i.sent_count, u.name AS invited_by_name FROM invitations i LEFT JOIN users " \
  "u ON u.org_id = $1 AND u.id = i.invited_by "
constexpr OrgSql kList(INVITATION_SELECT "WHERE i.org_id = $1 ORDER BY i.id DESC LIMIT 200");
constexpr OrgSql kFind(INVITATION_SELECT "WHERE i.org_id = $1 AND i.id = $2");
#undef INVITATION_SELECT
// Whether the address has an account, and whether it is a member here: the
// one read across organizations, by the unique sign-in address (like sign-in
// itself). Its answer chooses the mail and is never shown to the inviter.
constexpr CrossTenantSql kAccountOf(
    "SELECT a.id, u.id AS member FROM accounts a LEFT JOIN users u ON u.account_id = a.id AND "
    "u.org_id = $2 WHERE a.email = $1");
constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

struct Row {
  std::int64_t id = 0;
  std::string email, name, role, found, status;
  std::optional<std::int64_t> link_id;
  std::int64_t created_at = 0, expires_at = 0, sent_count = 0;
  std::optional<std::string> invited_by_name;
};
BOOST_DESCRIBE_STRUCT(Row, (),
                      (id, email, name, role, found, status, link_id, created_at, expires_at,
                       sent_count, invited_by_name))

ApiError no_such_invitation() { return ApiError(ErrorCode::not_found, "no such invitation"); }

Outcome<void> within_rank(const Inviter& who, std::string_view role) {
  const auto target = security::parse_role(role).value_or(security::Role::owner);
  if (security::role_rank(target) > security::role_rank(who.role))
    return unexpected(ApiError(ErrorCode::forbidden,
                               "you cannot invite or manage a user above your own role",
                               "rank_exceeded"));
  return {};
}

Outcome<Row> find(store::OrgTx& tx, std::int64_t id) {
  auto row = tx.one<Row>(kFind, id);
  if (!row) return unexpected(no_such_invitation());
  return *row;
}

InvitationItem item_of(const Row& r, std::int64_t now) {
  InvitationItem out;
  out.id = r.id;
  out.email = r.email;
  out.name = r.name;
  out.role = r.role;
  out.status = r.status == "pending" && now >= r.expires_at ? "expired" : r.status;
  out.created_at = Time{r.created_at};
  out.expires_at = Time{r.expires_at};
  out.invited_by_name = r.invited_by_name;
  out.sent_count = r.sent_count;
  return out;
}

std::string org_name(store::OrgTx& tx) { return tx.run(kOrgName).rows.at(0).text(0); }

// A fresh link for the invitation (the previous one stops working) and, but
// for a member of this organization, its mail.
Outcome<void> send(store::OrgTx& tx, const audit::Actor& by, const Row& r,
                   std::string_view public_url, std::int64_t now) {
  if (r.link_id) links::revoke(tx, *r.link_id, by.user_id, now);
  const auto issued = links::issue(tx,
                                   {.purpose = links::Purpose::invitation,
                                    .subject_id = r.id,
                                    .work_order_id = std::nullopt,
                                    .created_by = by.user_id,
                                    .ttl = kLifetime},
                                   now);
  const bool mailed = r.found != "member";
  tx.run(kSetLink, r.id, issued.id, issued.expires_at, std::int64_t{mailed ? 1 : 0}, now);
  if (!mailed) return {};
  std::string base(public_url);
  while (base.ends_with('/')) base.pop_back();
  const InvitationMail what{
      org_name(tx),          r.email, r.name, r.role, base + "/invite/" + issued.token,
      r.found == "elsewhere"};
  if (!mail::enqueue(tx.connection(), tx.org_id(), invitation_message(what, issued.id), now))
    return unexpected(ApiError(ErrorCode::validation_failed, "this email address cannot be used",
                               "invalid_email", {{"email", "cannot receive email"}}));
  return {};
}

}  // namespace

Outcome<InvitationAnswer> invite(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                                 const NewInvitation& in, std::string_view public_url,
                                 std::int64_t now) {
  BULWARK_TRY_VOID(within_rank(who, in.role.value));
  const auto email = identity::normalize_email(in.email.value);
  if (!mail::valid_address(email))
    return unexpected(ApiError(ErrorCode::validation_failed, "this email address cannot be used",
                               "invalid_email", {{"email", "cannot receive email"}}));
  // The owner's rule on new members' addresses (issue 15 item 2).
  BULWARK_TRY_VOID(org::check_member_email_domain(tx, email));
  const auto account = tx.connection().query(kAccountOf, {email, tx.org_id()});
  const std::string found = account.empty()               ? "new"
                            : !account.rows[0].is_null(1) ? "member"
                                                          : "elsewhere";
  const auto name = in.name ? in.name->value : std::string();
  const auto id =
      tx.one<Returned>(kInsert, email, name, in.role.value, found, by.user_id, now).value().id;
  BULWARK_TRY(const auto row, find(tx, id));
  BULWARK_TRY_VOID(send(tx, by, row, public_url, now));
  // The same entry for a new address and another organization's: the audit
  // log is the inviter's to read. A member of this organization is theirs.
  by.record(tx.connection(), "invitation.created", "invitation", id, {"email", "name", "role"});
  if (found == "member")
    by.record(tx.connection(), "invitation.not_sent_already_member", "invitation", id);
  BULWARK_TRY(const auto sent, find(tx, id));
  return InvitationAnswer{InvitationView{id, sent.email, Time{sent.expires_at}, "pending"}};
}

Outcome<resource::Items<InvitationItem>> list(store::OrgTx& tx, std::int64_t now) {
  resource::Items<InvitationItem> out;
  for (const auto& r : tx.all<Row>(kList)) out.items.push_back(item_of(r, now));
  return out;
}

Outcome<InvitationItem> resend(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                               std::int64_t id, std::string_view public_url, std::int64_t now) {
  BULWARK_TRY(const auto row, find(tx, id));
  BULWARK_TRY_VOID(within_rank(who, row.role));
  if (row.status != "pending")
    return unexpected(ApiError(ErrorCode::conflict, "this invitation was already " + row.status,
                               "invitation_not_pending"));
  BULWARK_TRY_VOID(send(tx, by, row, public_url, now));
  by.record(tx.connection(), "invitation.resent", "invitation", id);
  BULWARK_TRY(const auto sent, find(tx, id));
  return item_of(sent, now);
}

Outcome<InvitationItem> revoke(store::OrgTx& tx, const audit::Actor& by, const Inviter& who,
                               std::int64_t id, std::int64_t now) {
  BULWARK_TRY(const auto row, find(tx, id));
  BULWARK_TRY_VOID(within_rank(who, row.role));
  if (row.status == "pending") {
    if (row.link_id) links::revoke(tx, *row.link_id, by.user_id, now);
    tx.run(kSetStatus, id, std::string("revoked"), std::optional<std::int64_t>(), now);
    by.record(tx.connection(), "invitation.revoked", "invitation", id, {"status"});
  }
  BULWARK_TRY(const auto after, find(tx, id));
  return item_of(after, now);
}

namespace {

// The invitation behind a live link, while it can still be accepted: the
// link of a revoked or accepted invitation, or of one that was never mailed
// with its link, answers like any refused link.
Outcome<Row> live(store::OrgTx& tx, const links::ResolvedLink& link) {
  auto row = tx.one<Row>(kFind, link.subject_id);
  if (!row || row->status != "pending" || row->found == "member" || row->link_id != link.id ||
      link.used_at)
    return unexpected(links::link_not_found());
  return *row;
}

}  // namespace

Outcome<InvitationPage> show(store::OrgTx& tx, const links::ResolvedLink& link) {
  BULWARK_TRY(const auto row, live(tx, link));
  const bool has_account = identity::find_account(tx.connection(), row.email).has_value();
  return InvitationPage{org_name(tx),         row.email,  row.name, row.role,
                        Time{row.expires_at}, has_account};
}

Outcome<Invitee> invitee(store::OrgTx& tx, const links::ResolvedLink& link) {
  BULWARK_TRY(const auto row, live(tx, link));
  // Looked up now, not when invited: the address may have signed up since.
  return Invitee{row.email, identity::find_account(tx.connection(), row.email)};
}

Outcome<Joined> accept(store::OrgTx& tx, const links::ResolvedLink& link, const Acceptance& in,
                       const std::string& client_ip, std::int64_t now) {
  BULWARK_TRY(const auto row, live(tx, link));
  // Once: a second request with the same token (a replay, or a double
  // click racing the first) finds the link used and changes nothing.
  if (!links::mark_used(tx, link.id, now)) return unexpected(links::link_not_found());
  const auto user_id =
      in.account_id
          ? users::repo::add_membership(tx, *in.account_id, row.email, in.name, row.role, now)
          : users::repo::insert(tx, row.email, in.name, row.role, in.password_hash, now);
  if (!user_id) {
    if (in.account_id)
      return unexpected(ApiError(ErrorCode::conflict,
                                 "you are already a member of this organization: sign in",
                                 "already_member"));
    return unexpected(ApiError(ErrorCode::conflict,
                               "this address got a Bulwark account a moment ago: open the "
                               "invitation again to join with its password",
                               "account_exists"));
  }
  tx.run(kSetStatus, row.id, std::string("accepted"), *user_id, now);
  // The next sign-in opens the organization just joined.
  const auto account = identity::account_of_user(tx.connection(), tx.org_id(), *user_id);
  if (account) identity::remember_org(tx.connection(), account->id, tx.org_id());
  audit::Actor invitee;
  invitee.org_id = tx.org_id();
  invitee.user_id = *user_id;
  invitee.ip = client_ip;
  invitee.record(tx.connection(), "invitation.accepted", "invitation", row.id, {"status"});
  if (in.account_id)
    invitee.record(tx.connection(), "user.created", "user", *user_id,
                   {"email", "name", "role", "existing_account"});
  else
    invitee.record(tx.connection(), "user.created", "user", *user_id,
                   {"email", "name", "role", "password_hash"});
  return Joined{*user_id, row.email, in.name,
                security::parse_role(row.role).value_or(security::Role::viewer)};
}

}  // namespace bulwark::domain::invitations
