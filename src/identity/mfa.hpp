#pragma once
// The stored side of two-step sign-in (issue 15 item 1): an account's TOTP
// secret (sealed through crypto/account_secrets), its recovery codes (only
// their HMAC), the sign-in challenges of the second step, and a session's
// step-up time. The rules live in domain/users/mfa.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/accounts.hpp"
#include "store/database.hpp"

namespace bulwark::identity::mfa {

inline constexpr int kRecoveryCodes = 10;
inline constexpr std::int64_t kChallengeLifetimeMs = 5 * 60 * 1000;
inline constexpr std::int64_t kChallengeMaxFailures = 5;

struct TotpState {
  std::optional<std::string> secret;   // raw bytes, when MFA is on
  std::optional<std::string> pending;  // an enrolment awaiting its first code
  std::int64_t last_step = 0;          // the last accepted RFC 6238 time step
};
TotpState totp_state(store::Connection& conn, std::int64_t account_id);
bool totp_enabled(store::Connection& conn, std::int64_t account_id);

// A new pending secret, replacing any earlier pending one.
void set_pending_secret(store::Connection& conn, std::int64_t account_id,
                        const std::string& secret);
// The pending secret becomes the account's, with `step` as its first
// accepted step. False when there was nothing pending.
bool enable_pending(store::Connection& conn, std::int64_t account_id, std::int64_t step,
                    std::int64_t now);
// Removes the secret, any pending one and every recovery code.
void disable(store::Connection& conn, std::int64_t account_id);
// Records `step` as accepted; false when it (or a later one) already was: a
// concurrent replay of the same code loses here.
bool accept_step(store::Connection& conn, std::int64_t account_id, std::int64_t step);

// Ten new codes replace the old ones; returns them (shown once, never stored).
std::vector<std::string> new_recovery_codes(store::Connection& conn, std::int64_t account_id,
                                            std::int64_t now);
// Marks the code used; false when it is unknown, another account's or used.
bool use_recovery_code(store::Connection& conn, std::int64_t account_id, std::string_view code,
                       std::int64_t now);
std::int64_t recovery_codes_left(store::Connection& conn, std::int64_t account_id);

enum class Purpose { verify, enroll };
struct Challenge {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  Purpose purpose = Purpose::verify;
};
// A new challenge for the membership; returns the token (only its hash is stored).
std::string create_challenge(store::Connection& conn, std::int64_t user_id, Purpose purpose,
                             std::int64_t now);
// The live challenge of a token (not expired, fewer than five failures).
std::optional<Challenge> find_challenge(store::Connection& conn, std::string_view token,
                                        std::int64_t now);
// The membership a challenge names (its organization, role and active flag).
std::optional<Membership> membership_of(store::Connection& conn, std::int64_t user_id);
// Counts a wrong code; the challenge is deleted at the fifth.
void challenge_failed(store::Connection& conn, std::int64_t challenge_id);
void delete_challenge(store::Connection& conn, std::int64_t challenge_id);
// Removes expired challenges (the periodic sweep may call it).
std::int64_t purge_challenges(store::Connection& conn, std::int64_t now);

// Step-up: when the session last proved a fresh factor.
void mark_stepped_up(store::Connection& conn, std::int64_t org_id, std::int64_t session_id,
                     std::int64_t now);
struct StepUpState {
  bool session_live = false;       // false: the session ended since it was authenticated
  std::optional<std::int64_t> at;  // when it last stepped up
};
StepUpState step_up_state(store::Database& db, std::int64_t org_id, std::int64_t session_id);

// The organization's roles whose members must use MFA (orgs.mfa_required_roles).
bool role_requires_mfa(store::Connection& conn, std::int64_t org_id, std::string_view role);

}  // namespace bulwark::identity::mfa
