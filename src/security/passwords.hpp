#pragma once
// Password hashing (bcrypt "$2b$" through libxcrypt's crypt_r, MUST-009)
// and the password policy. Hashing is slow on purpose (~200 ms at cost 12):
// call it only from the password pool (http::Execution::password_pool).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::security {

inline constexpr int kMinBcryptCost = 12;
inline constexpr std::size_t kMinPasswordLength = 12;  // characters (bytes for ASCII)
inline constexpr std::size_t kMaxPasswordBytes =
    72;  // bcrypt ignores the rest: refuse, never truncate
inline constexpr double kMinPasswordEntropyBits = 40.0;  // zxcvbn estimate

// Throws std::invalid_argument for cost < 12 or > 31 and std::runtime_error
// if the system cannot hash.
std::string hash_password(std::string_view password, int cost);
bool verify_password(std::string_view password, std::string_view stored_hash);
// The cost recorded in a "$2b$NN$..." hash, or 0 if it is not one.
int bcrypt_cost_of(std::string_view stored_hash);
// A whole "$2b$" hash (22 salt and 31 hash characters of bcrypt's base64) at
// a cost from kMinBcryptCost to 31: what an operator may import.
bool importable_bcrypt_hash(std::string_view stored_hash);

// A real hash of a random password at the configured cost, so that a login
// for an unknown email costs the same time as a wrong password.
const std::string& dummy_hash(int cost);

// Problems with a new password, by rule ("too_short", "too_long",
// "too_guessable", "contains_email"); empty when acceptable. `context`
// holds words the password must not lean on (email, name, org).
struct PasswordProblem {
  std::string reason;
  std::string message;
};
std::optional<PasswordProblem> check_password_policy(std::string_view password,
                                                     const std::vector<std::string>& context = {});

}  // namespace bulwark::security
