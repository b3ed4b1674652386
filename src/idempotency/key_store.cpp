#include "idempotency/key_store.hpp"

#include <boost/describe/class.hpp>
#include <optional>

#include "crypto/random.hpp"
#include "store/org_tx.hpp"

namespace bulwark::idempotency {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

struct KeyRow {
  std::string request_hash;
  std::string state;
  int status = 0;
  std::string content_type;
  std::string location;
  std::string body;
  std::optional<std::string> row_key;  // NULL: stored before migration 0024, plain
};
BOOST_DESCRIBE_STRUCT(KeyRow, (),
                      (request_hash, state, status, content_type, location, body, row_key))

// Expired ($4), or left in_flight by a request that died before it answered
// ($5: a crash, a killed instance): the key is free again.
constexpr OrgSql kDeleteExpired(
    "DELETE FROM idempotency_keys WHERE org_id = $1 AND user_id = $2 AND idem_key = $3 "
    "AND (created_at <= $4 OR (state = 'in_flight' AND created_at <= $5))");
constexpr OrgSql kInsert(
    "INSERT INTO idempotency_keys (org_id, user_id, idem_key, request_hash, state, created_at) "
    "VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT (org_id, user_id, idem_key) DO NOTHING");
constexpr OrgSql kSelect(
    "SELECT request_hash, state, status, content_type, location, body, row_key "
    "FROM idempotency_keys "
    "WHERE org_id = $1 AND user_id = $2 AND idem_key = $3");
// The answer's body can repeat anything the request wrote (a comment, a
// customer's name and phone): sealed under a key of its own (issue 13).
constexpr OrgSql kComplete(
    "UPDATE idempotency_keys SET state = 'done', status = $4, content_type = $5, location = $6, "
    "body = $7, row_key = $8 WHERE org_id = $1 AND user_id = $2 AND idem_key = $3 "
    "AND state = 'in_flight'");
constexpr OrgSql kRelease(
    "DELETE FROM idempotency_keys WHERE org_id = $1 AND user_id = $2 AND idem_key = $3 "
    "AND state = 'in_flight'");
// The sweep runs for every organization at once (retention, app/retention.cpp).
constexpr CrossTenantSql kPurge(
    "DELETE FROM idempotency_keys WHERE created_at <= $1 OR "
    "(state = 'in_flight' AND created_at <= $2)");

}  // namespace

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (char c : key)
    if (c < 0x20 || c > 0x7e) return false;
  return key.front() != ' ' && key.back() != ' ';
}

std::string request_hash(std::string_view method, std::string_view path, std::string_view query,
                         std::string_view body) {
  // Lengths first, so that no two different requests join into one string.
  std::string text;
  text.reserve(64 + path.size() + query.size() + body.size());
  for (auto part : {method, path, query}) {
    text += std::to_string(part.size());
    text += ':';
    text += part;
    text += '\n';
  }
  text += body;
  return crypto::sha256_hex(text);
}

Claim claim(store::Database& db, const KeyRef& ref, std::string_view hash, std::int64_t now_ms) {
  const std::string key(ref.key);
  const std::string h(hash);
  return store::in_org(db, ref.org_id, [&](store::OrgTx& tx) {
    tx.run(kDeleteExpired, ref.user_id, key, now_ms - kRetentionMs, now_ms - kStaleInFlightMs);
    if (tx.run(kInsert, ref.user_id, key, h, now_ms).affected == 1) return Claim{};
    auto row = tx.one<KeyRow>(kSelect, ref.user_id, key);
    // Deleted between the insert and the select (a release): run it.
    if (!row) return Claim{};
    if (row->request_hash != h) return Claim{ClaimOutcome::reused, {}};
    if (row->state != "done") return Claim{ClaimOutcome::in_progress, {}};
    auto body = row->row_key ? tx.open("idempotency_keys", "body", *row->row_key, row->body)
                             : std::move(row->body);
    return Claim{ClaimOutcome::replay, StoredAnswer{row->status, std::move(row->content_type),
                                                    std::move(row->location), std::move(body)}};
  });
}

void complete(store::Database& db, const KeyRef& ref, const StoredAnswer& answer) {
  const std::string key(ref.key);
  store::in_org(db, ref.org_id, [&](store::OrgTx& tx) {
    const auto row_key = tx.new_row_key();
    tx.run(kComplete, ref.user_id, key, std::int64_t{answer.status}, answer.content_type,
           answer.location, tx.seal("idempotency_keys", "body", row_key, answer.body), row_key);
  });
}

void release(store::Database& db, const KeyRef& ref) {
  const std::string key(ref.key);
  store::in_org(db, ref.org_id, [&](store::OrgTx& tx) { tx.run(kRelease, ref.user_id, key); });
}

std::int64_t purge_expired(store::Database& db, std::int64_t now_ms) {
  return db.query(kPurge, {now_ms - kRetentionMs, now_ms - kStaleInFlightMs}).affected;
}

}  // namespace bulwark::idempotency
