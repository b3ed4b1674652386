#pragma once
// Where the key hierarchy lives in the database (migration 0016): each
// organization's wrapped keys in org_keys and the master key's fingerprint in
// master_key_fingerprint. The master key itself is never stored.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"
#include "core/secret.hpp"
#include "store/database.hpp"

namespace bulwark::crypto {

inline constexpr std::string_view kDataPurpose = "data";
inline constexpr std::string_view kBlindIndexPurpose = "blind_index";

struct StoredKey {
  std::int64_t org_id = 0;
  std::uint32_t key_id = 0;
  std::string purpose;  // kDataPurpose or kBlindIndexPurpose
  std::string wrapped;  // hex, crypto::wrap_key
  std::int64_t created_at = 0;
  std::optional<std::int64_t> retired_at;
};

std::optional<std::string> recorded_fingerprint(store::Database& db);

// At start: a database without a fingerprint records this key's; one with
// another fingerprint is refused with a message that says what to do.
Expected<std::string, std::string> check_master_fingerprint(store::Database& db,
                                                            const Secret& master,
                                                            std::int64_t now_ms);

// One organization's keys, oldest first.
std::vector<StoredKey> org_keys(store::Connection& conn, std::int64_t org_id);
// Every organization's keys (the CLI's status and rotate-master).
std::vector<StoredKey> all_org_keys(store::Connection& conn);

// Creates an organization's first data key and blind-index key (random 256
// bits each, wrapped under `master`). Returns false when another process
// created them first (the caller reads them again).
bool create_org_keys(store::Database& db, const Secret& master, std::int64_t org_id,
                     std::int64_t now_ms);
// Gives every organization that has none its keys (at start, outside any
// transaction: a key ring must never create keys inside a request's SQLite
// write transaction, which would wait on itself). Returns how many.
int create_missing_org_keys(store::Database& db, const Secret& master, std::int64_t now_ms);
// The same on `conn`, inside the caller's transaction (org creation).
void create_org_keys_on(store::Connection& conn, const Secret& master, std::int64_t org_id,
                        std::int64_t now_ms);

// Data-key rotation (admin keys rotate-data): a new data key, newest = the
// one that seals, and, once no row uses the older ones, their retirement
// (they stay stored and readable; `admin keys status` lists them retired).
std::uint32_t add_data_key(store::Connection& conn, const Secret& master, std::int64_t org_id,
                           std::int64_t now_ms);
std::int64_t retire_data_keys_except(store::Connection& conn, std::int64_t org_id,
                                     std::uint32_t keep, std::int64_t now_ms);

// Re-wraps every organization's keys under `next` and records its
// fingerprint, on `conn` inside the caller's transaction (which also writes
// the audit entry). Fails, changing nothing, when `current` does not match
// the recorded fingerprint or a key does not unwrap.
Expected<int, std::string> rotate_master(store::Connection& conn, const Secret& current,
                                         const Secret& next, std::int64_t now_ms);

}  // namespace bulwark::crypto
