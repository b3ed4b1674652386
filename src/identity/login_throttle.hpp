#pragma once
// Credential-stuffing defences shared by every instance through the
// database. Keys are per account ("account:" + SHA-256 of the normalized
// email, whether or not such a user exists, so lockout reveals nothing)
// and per client IP ("ip:" + address).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace bulwark::identity {

struct ThrottlePolicy {
  int max_failures = 5;                         // within the window...
  std::chrono::seconds window{15 * 60};         // ...locks the key for
  std::chrono::seconds lockout{15 * 60};        // this long, doubling on each repeat,
  std::chrono::seconds max_lockout{24 * 3600};  // up to this.
};

std::string account_key(std::string_view normalized_email);
std::string ip_key(std::string_view ip);

// Seconds until the key is unlocked, or nullopt when it is not locked.
std::optional<std::int64_t> locked_for(store::Database& db, const std::string& key);
// Counts a failure; returns the lock's remaining seconds if this failure locked the key.
std::optional<std::int64_t> record_failure(store::Database& db, const std::string& key,
                                           const ThrottlePolicy& policy);
// A successful login clears the account's failures and lockout history.
void clear(store::Database& db, const std::string& key);

}  // namespace bulwark::identity
