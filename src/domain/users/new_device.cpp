#include "domain/users/new_device.hpp"

#include "core/org_time.hpp"
#include "crypto/random.hpp"
#include "identity/accounts.hpp"
#include "identity/device_label.hpp"
#include "mail/outbox.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::users {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr OrgSql kLabelSession("UPDATE sessions SET device = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kOrg("SELECT name, time_zone FROM orgs WHERE id = $1");
// Devices belong to the account, across its organizations (like accounts).
constexpr CrossTenantSql kKnown(
    "SELECT id FROM known_devices WHERE account_id = $1 AND token_hash = $2");
constexpr CrossTenantSql kSeen(
    "UPDATE known_devices SET last_seen_at = $2, device = $3 WHERE id = $1");
constexpr CrossTenantSql kCount("SELECT COUNT(*) FROM known_devices WHERE account_id = $1");
constexpr CrossTenantSql kRemember(
    "INSERT INTO known_devices (account_id, token_hash, device, created_at, last_seen_at) "
    "VALUES ($1, $2, $3, $4, $4)");
constexpr CrossTenantSql kForgetOldest(
    "DELETE FROM known_devices WHERE account_id = $1 AND id NOT IN (SELECT id FROM known_devices "
    "WHERE account_id = $1 ORDER BY last_seen_at DESC, id DESC LIMIT $2)");

constexpr std::size_t kCookieBytes = 32;

mail::Message notice(const std::string& to, const std::string& org, const std::string& zone,
                     const std::string& device, const std::string& ip, std::int64_t now,
                     const std::string& public_url, std::int64_t session_id) {
  std::string base = public_url;
  while (base.ends_with('/')) base.pop_back();
  mail::Message m;
  m.kind = "new_sign_in";
  m.to_address = to;
  m.subject = "New sign-in to " + org + " on Bulwark";
  m.text = "Hello,\n\nYour Bulwark account just signed in to " + org +
           " from a device it had not used before:\n\n  Device: " +
           (device.empty() ? std::string("not recognised") : device) + "\n  Address: " + ip +
           "\n  When: " + core::format_local(zone, now) + " (" + zone +
           ")\n\nIf this was you, nothing needs to be done.\n\nIf it was not, change your "
           "password now and sign that session out under \"Where you're signed in\" on your "
           "Account page:\n\n" +
           base + "/account\n";
  m.idempotency_key = "new_sign_in:" + std::to_string(session_id);
  return m;
}

}  // namespace

DeviceNote note_sign_in(store::Database& db, const SignInDevice& in, std::int64_t now) {
  const auto device = identity::device_label(in.user_agent);
  return store::transact(db, [&](store::Connection& conn) {
    DeviceNote out;
    store::OrgTx tx(conn, in.org_id);
    tx.run(kLabelSession, in.session_id, device);
    const auto account = identity::account_of_user(conn, in.org_id, in.user_id);
    if (!account) return out;
    if (in.cookie && !in.cookie->empty() && in.cookie->size() <= 128) {
      auto known = conn.query(kKnown, {account->id, crypto::sha256_hex(*in.cookie)});
      if (!known.empty()) {
        conn.query(kSeen, {known.rows[0].integer(0), now, device});
        out.cookie = *in.cookie;
        return out;
      }
    }
    const bool first = conn.query(kCount, {account->id}).rows.at(0).integer(0) == 0;
    out.cookie = crypto::random_token(kCookieBytes);
    out.new_device = true;
    conn.query(kRemember, {account->id, crypto::sha256_hex(out.cookie), device, now});
    conn.query(kForgetOldest, {account->id, std::int64_t{kMaxKnownDevices}});
    if (first) return out;  // the account's first sign-in is no news to its owner
    auto org = tx.run(kOrg);
    if (org.empty()) return out;
    const auto& row = org.rows[0];
    out.mailed = mail::enqueue(conn, in.org_id,
                               notice(account->email, row.text(0), row.text(1), device,
                                      in.client_ip, now, in.public_url, in.session_id),
                               now)
                     .has_value();
    return out;
  });
}

}  // namespace bulwark::domain::users
