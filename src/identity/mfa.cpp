#include "identity/mfa.hpp"

#include "crypto/account_secrets.hpp"
#include "crypto/random.hpp"
#include "identity/totp.hpp"
#include "store/org_tx.hpp"

namespace bulwark::identity::mfa {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr std::string_view kSecretColumn = "totp_secret";
constexpr std::string_view kPendingColumn = "totp_pending_secret";

// Accounts, their recovery codes and sign-in challenges have no organization
// (one person, many organizations; a challenge exists before a session): like
// sign-in, these name the account or the challenge's own hash.
constexpr CrossTenantSql kState(
    "SELECT totp_secret, totp_pending_secret, totp_last_step FROM accounts WHERE id = $1");
constexpr CrossTenantSql kSetPending("UPDATE accounts SET totp_pending_secret = $2 WHERE id = $1");
constexpr CrossTenantSql kEnable(
    "UPDATE accounts SET totp_secret = $2, totp_pending_secret = NULL, totp_last_step = $3, "
    "totp_enabled_at = $4 WHERE id = $1 AND totp_pending_secret IS NOT NULL");
constexpr CrossTenantSql kDisable(
    "UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0, "
    "totp_enabled_at = NULL WHERE id = $1");
constexpr CrossTenantSql kAcceptStep(
    "UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2");
constexpr CrossTenantSql kDeleteCodes("DELETE FROM recovery_codes WHERE account_id = $1");
constexpr CrossTenantSql kInsertCode(
    "INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES ($1, $2, $3)");
constexpr CrossTenantSql kUseCode(
    "UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 "
    "AND used_at IS NULL");
constexpr CrossTenantSql kCodesLeft(
    "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL");
constexpr CrossTenantSql kInsertChallenge(
    "INSERT INTO mfa_challenges (token_hash, user_id, purpose, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)");
constexpr CrossTenantSql kFindChallenge(
    "SELECT id, user_id, purpose FROM mfa_challenges WHERE token_hash = $1 AND expires_at > $2 "
    "AND failures < $3");
constexpr CrossTenantSql kMembership(
    "SELECT u.id, u.org_id, o.slug, o.name, u.role, u.active FROM users u "
    "JOIN orgs o ON o.id = u.org_id WHERE u.id = $1");
constexpr CrossTenantSql kChallengeFailed(
    "UPDATE mfa_challenges SET failures = failures + 1 WHERE id = $1");
constexpr CrossTenantSql kDeleteSpent(
    "DELETE FROM mfa_challenges WHERE id = $1 AND failures >= $2");
constexpr CrossTenantSql kDeleteChallenge("DELETE FROM mfa_challenges WHERE id = $1");
constexpr CrossTenantSql kPurgeChallenges("DELETE FROM mfa_challenges WHERE expires_at <= $1");
constexpr OrgSql kMarkSteppedUp(
    "UPDATE sessions SET stepped_up_at = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSteppedUpAt("SELECT stepped_up_at FROM sessions WHERE org_id = $1 AND id = $2");
constexpr OrgSql kRequiredRoles("SELECT mfa_required_roles FROM orgs WHERE id = $1");

std::optional<std::string> open_column(std::int64_t account_id, std::string_view column,
                                       const std::optional<std::string>& sealed) {
  if (!sealed || sealed->empty()) return std::nullopt;
  auto opened = crypto::account_secrets().open(account_id, column, *sealed);
  if (!opened) throw std::runtime_error("an account's TOTP secret does not open");
  return std::move(*opened);
}

// Lower case without separators: how a code is written is not part of it.
std::string normalise_code(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

// 80 random bits as 16 base32 characters, shown in groups of four.
std::string new_recovery_code() {
  std::string raw = totp::base32(crypto::random_bytes(10));
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += static_cast<char>(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] + 32 : raw[i]);
  }
  return out;
}

}  // namespace

TotpState totp_state(store::Connection& conn, std::int64_t account_id) {
  auto r = conn.query(kState, {account_id});
  if (r.empty()) return {};
  const auto& row = r.rows[0];
  return {open_column(account_id, kSecretColumn, row.optional_text(0)),
          open_column(account_id, kPendingColumn, row.optional_text(1)), row.integer(2)};
}

bool totp_enabled(store::Connection& conn, std::int64_t account_id) {
  auto r = conn.query(kState, {account_id});
  return !r.empty() && !r.rows[0].is_null(0);
}

void set_pending_secret(store::Connection& conn, std::int64_t account_id,
                        const std::string& secret) {
  conn.query(kSetPending,
             {account_id, crypto::account_secrets().seal(account_id, kPendingColumn, secret)});
}

bool enable_pending(store::Connection& conn, std::int64_t account_id, std::int64_t step,
                    std::int64_t now) {
  auto state = totp_state(conn, account_id);
  if (!state.pending) return false;
  const auto sealed = crypto::account_secrets().seal(account_id, kSecretColumn, *state.pending);
  return conn.query(kEnable, {account_id, sealed, step, now}).affected == 1;
}

void disable(store::Connection& conn, std::int64_t account_id) {
  conn.query(kDisable, {account_id});
  conn.query(kDeleteCodes, {account_id});
}

bool accept_step(store::Connection& conn, std::int64_t account_id, std::int64_t step) {
  return conn.query(kAcceptStep, {account_id, step}).affected == 1;
}

std::vector<std::string> new_recovery_codes(store::Connection& conn, std::int64_t account_id,
                                            std::int64_t now) {
  conn.query(kDeleteCodes, {account_id});
  std::vector<std::string> codes;
  const auto& keys = crypto::account_secrets();
  for (int i = 0; i < kRecoveryCodes; ++i) {
    codes.push_back(new_recovery_code());
    conn.query(kInsertCode, {account_id, keys.code_mac(normalise_code(codes.back())), now});
  }
  return codes;
}

bool use_recovery_code(store::Connection& conn, std::int64_t account_id, std::string_view code,
                       std::int64_t now) {
  const auto normal = normalise_code(code);
  if (normal.empty() || normal.size() > 64) return false;
  const auto mac = crypto::account_secrets().code_mac(normal);
  return conn.query(kUseCode, {account_id, mac, now}).affected == 1;
}

std::int64_t recovery_codes_left(store::Connection& conn, std::int64_t account_id) {
  return conn.query(kCodesLeft, {account_id}).rows.at(0).integer(0);
}

std::string create_challenge(store::Connection& conn, std::int64_t user_id, Purpose purpose,
                             std::int64_t now) {
  auto token = crypto::random_token(32);
  conn.query(kInsertChallenge, {crypto::sha256_hex(token), user_id,
                                std::string(purpose == Purpose::verify ? "verify" : "enroll"), now,
                                now + kChallengeLifetimeMs});
  return token;
}

std::optional<Challenge> find_challenge(store::Connection& conn, std::string_view token,
                                        std::int64_t now) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto r = conn.query(kFindChallenge, {crypto::sha256_hex(token), now, kChallengeMaxFailures});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return Challenge{row.integer(0), row.integer(1),
                   row.text(2) == "enroll" ? Purpose::enroll : Purpose::verify};
}

std::optional<Membership> membership_of(store::Connection& conn, std::int64_t user_id) {
  auto r = conn.query(kMembership, {user_id});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  auto role = security::parse_role(row.text(4));
  if (!role) return std::nullopt;
  return Membership{row.integer(0), row.integer(1), row.text(2),
                    row.text(3),    *role,          row.integer(5) != 0};
}

void challenge_failed(store::Connection& conn, std::int64_t challenge_id) {
  conn.query(kChallengeFailed, {challenge_id});
  conn.query(kDeleteSpent, {challenge_id, kChallengeMaxFailures});
}

void delete_challenge(store::Connection& conn, std::int64_t challenge_id) {
  conn.query(kDeleteChallenge, {challenge_id});
}

std::int64_t purge_challenges(store::Connection& conn, std::int64_t now) {
  return conn.query(kPurgeChallenges, {now}).affected;
}

void mark_stepped_up(store::Connection& conn, std::int64_t org_id, std::int64_t session_id,
                     std::int64_t now) {
  store::OrgTx(conn, org_id).run(kMarkSteppedUp, session_id, now);
}

StepUpState step_up_state(store::Database& db, std::int64_t org_id, std::int64_t session_id) {
  return store::read_org(db, org_id, [&](store::OrgTx& tx) {
    auto r = tx.run(kSteppedUpAt, session_id);
    if (r.empty()) return StepUpState{};
    return StepUpState{true, r.rows[0].optional_integer(0)};
  });
}

bool role_requires_mfa(store::Connection& conn, std::int64_t org_id, std::string_view role) {
  auto r = store::OrgTx(conn, org_id).run(kRequiredRoles);
  if (r.empty()) return false;
  const std::string list = r.rows[0].text(0);
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string_view item(list.data() + start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == role) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace bulwark::identity::mfa
