#pragma once
// The audit log: append-only and hash-chained per organization, so an edited,
// inserted or deleted row breaks the chain and `bulwark admin audit verify`
// names where. It records who did what to which object, from where, and
// which fields changed: never the values (they may be PII or secrets).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace bulwark::audit {

struct Entry {
  std::int64_t org_id = 0;
  std::string actor_type = "user";  // user | cli | system | webhook
  std::optional<std::int64_t> actor_id;
  std::string action;       // "auth.login", "user.role_changed", ...
  std::string target_type;  // "user", "session", "customer", ...
  std::string target_id;
  std::string ip;
  std::string outcome = "success";  // success | failure | denied
  std::vector<std::string> fields;  // names of changed fields, never values
};

// Appends inside the caller's transaction (so the record commits or rolls
// back with the change it describes). Serializes per org: the chain head is
// read and extended under the org's lock.
void append(store::Connection& conn, const Entry& entry);
// Convenience: its own transaction.
void append(store::Database& db, const Entry& entry);

struct Record {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::int64_t seq = 0;
  std::int64_t at_ms = 0;
  Entry entry;
  std::string prev_hash;
  std::string hash;
};

struct Query {
  std::int64_t org_id = 0;
  std::optional<std::string> action;  // exact, or a prefix ending in '.' ("auth.")
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> outcome;
  std::optional<std::int64_t> since_ms, until_ms;
  std::optional<std::int64_t> before_seq;  // keyset cursor: newest first
  int limit = 50;
};
std::vector<Record> list(store::Database& db, const Query& q);

struct VerifyProblem {
  std::int64_t org_id;
  std::int64_t seq;     // the first sequence number where the chain breaks
  std::int64_t row_id;  // 0 when the row is missing
  std::string what;     // "hash mismatch (row edited)", "sequence gap (row deleted)", ...
};
// Recomputes every org's chain. Empty result: intact. An organization whose
// old entries were archived (audit/archive.hpp) is checked from its
// checkpoint on; verify_archives() proves the part before it.
std::vector<VerifyProblem> verify(
    store::Database& db,
    const std::function<void(std::int64_t org, std::int64_t rows)>& progress = {});

// The canonical text hashed for one record (exposed for tests).
std::string canonical(const Record& r);
// A record's hash given the previous one (audit/archive.cpp checks archived
// records with it); the first record's previous hash is kGenesisHash.
std::string chain_hash(const std::string& prev, const Record& r);
extern const std::string kGenesisHash;
// A record from a row of "id, org_id, seq, at, actor_type, actor_id, action,
// target_type, target_id, ip, outcome, fields, prev_hash, hash".
Record record_from_row(const store::Row& row);

}  // namespace bulwark::audit
