#include "domain/password_reset/service.hpp"

#include <array>

#include "audit/audit_log.hpp"
#include "domain/links/tokens.hpp"
#include "identity/accounts.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "mail/message.hpp"
#include "mail/outbox.hpp"
#include "security/passwords.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::password_reset {

namespace {

constexpr std::array kReset{links::Purpose::password_reset};
constexpr store::OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
// A reset uses its link and retires the user's other reset links: one of
// them, forwarded or left in a mailbox, must not set the password again.
constexpr store::OrgSql kRetireOthers(
    "UPDATE link_tokens SET revoked_at = $3 WHERE org_id = $1 AND purpose = 'password_reset' "
    "AND subject_id = $2 AND used_at IS NULL AND revoked_at IS NULL");

// Separate from sign-in's keys: asking for resets must not lock anyone out
// of signing in, and failed sign-ins must not stop a reset.
std::string address_key(std::string_view email) {
  return "reset:" + identity::account_key(identity::normalize_email(email));
}
std::string ip_key(const std::string& ip) { return "reset:" + identity::ip_key(ip); }

ApiError too_many() {
  return ApiError(ErrorCode::rate_limited,
                  "too many password reset requests from this address; try later",
                  "password_reset_rate_limited");
}

mail::Message reset_message(const std::string& org, const std::string& to, const std::string& url,
                            std::int64_t link_id) {
  mail::Message m;
  m.kind = "password_reset";
  m.to_address = to;
  m.subject = "Reset your Bulwark password";
  m.text =
      "Hello,\n\nSomeone (we hope you) asked to reset the password of your Bulwark account "
      "at " +
      org + ".\n\nOpen this link within 30 minutes to choose a new password. It works once:\n\n" +
      url + "\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n";
  m.idempotency_key = "password_reset:" + std::to_string(link_id);
  return m;
}

}  // namespace

std::optional<std::int64_t> ip_wait(store::Database& db, const std::string& client_ip) {
  return identity::locked_for(db, ip_key(client_ip));
}

Expected<ResetAsked, ApiError> ask(store::Database& db, std::string_view email,
                                   const std::string& client_ip, std::string_view public_url,
                                   const Throttles& throttles, std::int64_t now) {
  if (ip_wait(db, client_ip)) return unexpected(too_many());
  // Every ask counts, for any address: the counts say nothing about accounts.
  identity::record_failure(db, ip_key(client_ip), throttles.ip);
  const auto key = address_key(email);
  const bool quiet = identity::locked_for(db, key).has_value();
  identity::record_failure(db, key, throttles.address);
  const ResetAsked same{"sent_if_known"};
  // Looked up whatever the throttle says, so a throttled address costs the
  // same time as any other.
  const auto creds = identity::find_credentials(db, email);
  if (quiet || !creds || !creds->user.active || !mail::valid_address(creds->user.email))
    return same;
  const auto& user = creds->user;
  std::string base(public_url);
  while (base.ends_with('/')) base.pop_back();
  store::in_org(db, user.org_id, [&](store::OrgTx& tx) {
    const auto issued = links::issue(tx,
                                     {.purpose = links::Purpose::password_reset,
                                      .subject_id = user.id,
                                      .work_order_id = std::nullopt,
                                      .created_by = std::nullopt,
                                      .ttl = kLifetime},
                                     now);
    const auto org = tx.run(kOrgName).rows.at(0).text(0);
    (void)mail::enqueue(tx.connection(), tx.org_id(),
                        reset_message(org, user.email, base + "/reset/" + issued.token, issued.id),
                        now);
    audit::Actor a;
    a.org_id = user.org_id;
    a.type = "password_reset";
    a.ip = client_ip;
    a.record(tx.connection(), "auth.password_reset_requested", "user", user.id);
  });
  return same;
}

Expected<Target, ApiError> check(store::Database& db, const ResetConfirm& in, std::int64_t now) {
  auto link = links::resolve(db, in.token.value, kReset, now);
  if (!link) return unexpected(std::move(link.error()));
  if (link->used_at) return unexpected(links::link_not_found());
  std::optional<identity::User> user;
  db.with_connection(
      [&](store::Connection& c) { user = identity::find_user(c, link->org_id, link->subject_id); });
  if (!user || !user->active) return unexpected(links::link_not_found());
  if (auto problem = security::check_password_policy(in.password.value, {user->email, user->name}))
    return unexpected(ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                               {{"password", problem->message}}));
  return Target{link->id, link->org_id, user->id, user->email};
}

Expected<ResetDone, ApiError> apply(store::Database& db, const Target& t, const std::string& hash,
                                    const std::string& client_ip, std::int64_t now) {
  auto done = store::in_org(db, t.org_id, [&](store::OrgTx& tx) -> Expected<ResetDone, ApiError> {
    // Once: a replay, or a second click racing the first, changes nothing.
    if (!links::mark_used(tx, t.link_id, now)) return unexpected(links::link_not_found());
    tx.run(kRetireOthers, t.user_id, now);
    const auto account = identity::account_of_user(tx.connection(), t.org_id, t.user_id);
    if (!account) return unexpected(links::link_not_found());
    identity::set_account_password(tx.connection(), account->id, hash, now);
    ResetDone out;
    // Every session of the account, in every organization it belongs to.
    out.sessions_ended = identity::delete_account_sessions(tx.connection(), account->id);
    audit::Actor a;
    a.org_id = t.org_id;
    a.user_id = t.user_id;
    a.ip = client_ip;
    a.record(tx.connection(), "auth.password_reset", "user", t.user_id,
             {"password_hash", "sessions"});
    return out;
  });
  // The owner of the mailbox proved themselves: sign-in failures so far
  // no longer lock the account.
  if (done) identity::clear(db, identity::account_key(identity::normalize_email(t.email)));
  return done;
}

}  // namespace bulwark::domain::password_reset
