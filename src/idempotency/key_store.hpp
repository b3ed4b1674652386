#pragma once
// Idempotency keys (issue 12 item 8): the first answer to a state-changing
// request that carried an `Idempotency-Key`, remembered per organization,
// user and key for 24 h. A phone that sent a time entry, lost the answer in
// a dead zone and sends it again gets the first answer back instead of a
// second time entry. The pipeline stage (app/idempotency_stage.cpp) claims a
// key before the handler runs and records the answer after it; this module
// is only the table.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace bulwark::idempotency {

inline constexpr std::int64_t kRetentionMs = 24LL * 3'600'000;
// A key still in_flight this long after its claim belongs to a request that
// will never answer (the instance crashed or was killed mid-request): it is
// released, so the client's retry runs instead of getting 409 for 24 h.
// No handler runs this long: bodies are read before the claim, and the
// slowest work (an upload's scan and re-encode) takes seconds.
inline constexpr std::int64_t kStaleInFlightMs = 2LL * 60'000;

// 1 to 255 printable ASCII characters (0x20-0x7E; a space inside is allowed,
// not at either end). Anything else is refused before the database sees it.
bool valid_key(std::string_view key);

// Who asked, and under which key. The request hash covers method, path,
// query and body (request_hash below).
struct KeyRef {
  std::int64_t org_id = 0;
  std::int64_t user_id = 0;
  std::string_view key;
};

// What is replayed: the status and body, and the two headers a client reads
// from a creation. Never cookies or other headers.
struct StoredAnswer {
  int status = 0;
  std::string content_type;
  std::string location;
  std::string body;
};

enum class ClaimOutcome {
  claimed,      // the caller runs the request and then calls complete or release
  replay,       // answered before: send `answer` again
  in_progress,  // the first request under this key is still running
  reused,       // the key was used for a different request
};
struct Claim {
  ClaimOutcome outcome = ClaimOutcome::claimed;
  StoredAnswer answer;  // for replay
};

// SHA-256 (hex) of what makes two requests "the same".
std::string request_hash(std::string_view method, std::string_view path, std::string_view query,
                         std::string_view body);

// Claims the key for this request, or says why not. A row older than the
// retention counts as absent (and is replaced) even before the sweep runs.
Claim claim(store::Database& db, const KeyRef& ref, std::string_view hash, std::int64_t now_ms);
// Records the answer of a claimed key.
void complete(store::Database& db, const KeyRef& ref, const StoredAnswer& answer);
// Gives a claimed key up (the request failed on the server's side: a retry
// under the same key should run again rather than replay a 500).
void release(store::Database& db, const KeyRef& ref);
// The retention sweep: deletes keys older than 24 h, and keys left in_flight
// for over 2 minutes, in every organization.
std::int64_t purge_expired(store::Database& db, std::int64_t now_ms);

}  // namespace bulwark::idempotency
