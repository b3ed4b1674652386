#include "crypto/key_store.hpp"

#include "crypto/field_cipher.hpp"
#include "crypto/master_key.hpp"
#include "crypto/random.hpp"
#include "store/org_tx.hpp"

namespace bulwark::crypto {

namespace {

constexpr store::CrossTenantSql kFingerprint(
    "SELECT fingerprint FROM master_key_fingerprint WHERE id = 1");
constexpr store::CrossTenantSql kRecordFingerprint(
    "INSERT INTO master_key_fingerprint (id, fingerprint, recorded_at) VALUES (1, $1, $2) "
    "ON CONFLICT (id) DO NOTHING");
constexpr store::CrossTenantSql kUpdateFingerprint(
    "UPDATE master_key_fingerprint SET fingerprint = $1, recorded_at = $2 WHERE id = 1");
constexpr store::OrgSql kOrgKeys(
    "SELECT org_id, key_id, purpose, wrapped, created_at, retired_at FROM org_keys "
    "WHERE org_id = $1 ORDER BY key_id");
// The CLI's view across organizations (status, rotate-master).
constexpr store::CrossTenantSql kAllKeys(
    "SELECT org_id, key_id, purpose, wrapped, created_at, retired_at FROM org_keys "
    "ORDER BY org_id, key_id");
// Organizations created before migration 0016, or by a path that made none.
constexpr store::CrossTenantSql kOrgsWithoutKeys(
    "SELECT id FROM orgs WHERE id NOT IN (SELECT org_id FROM org_keys) ORDER BY id");
constexpr store::OrgSql kInsertKey(
    "INSERT INTO org_keys (org_id, key_id, purpose, wrapped, created_at) "
    "VALUES ($1, $2, $3, $4, $5)");
constexpr store::OrgSql kRetireOthers(
    "UPDATE org_keys SET retired_at = $3 WHERE org_id = $1 AND purpose = 'data' "
    "AND key_id <> $2 AND retired_at IS NULL");
constexpr store::OrgSql kRewrap(
    "UPDATE org_keys SET wrapped = $3 WHERE org_id = $1 AND key_id = $2");

std::vector<StoredKey> decode(const store::Result& r) {
  std::vector<StoredKey> out;
  for (const auto& row : r.rows)
    out.push_back(StoredKey{row.integer(0), static_cast<std::uint32_t>(row.integer(1)), row.text(2),
                            row.text(3), row.integer(4), row.optional_integer(5)});
  return out;
}

}  // namespace

std::optional<std::string> recorded_fingerprint(store::Database& db) {
  auto r = db.query(kFingerprint);
  if (r.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

Expected<std::string, std::string> check_master_fingerprint(store::Database& db,
                                                            const Secret& master,
                                                            std::int64_t now_ms) {
  const std::string mine = master_fingerprint(master);
  db.query(kRecordFingerprint, {mine, now_ms});
  const auto recorded = recorded_fingerprint(db).value_or("");
  if (recorded != mine)
    return unexpected(
        "the master key (fingerprint " + mine +
        ") is not the one this database's keys are "
        "wrapped with (fingerprint " +
        recorded +
        "). Start with the original "
        "BULWARK_MASTER_KEY / BULWARK_MASTER_KEY_FILE (from your escrow copy: `bulwark admin "
        "keys verify-escrow` checks one); to change keys, run `bulwark admin keys rotate-master` "
        "with the old key set and the new one in BULWARK_NEW_MASTER_KEY. See "
        "docs/key-management.md.");
  return mine;
}

std::vector<StoredKey> org_keys(store::Connection& conn, std::int64_t org_id) {
  store::OrgTx tx(conn, org_id);
  return decode(tx.run(kOrgKeys));
}

std::vector<StoredKey> all_org_keys(store::Connection& conn) {
  return decode(conn.query(kAllKeys));
}

void create_org_keys_on(store::Connection& conn, const Secret& master, std::int64_t org_id,
                        std::int64_t now_ms) {
  store::OrgTx tx(conn, org_id);
  std::uint32_t next = 1;
  for (const auto& k : decode(tx.run(kOrgKeys))) next = std::max(next, k.key_id + 1);
  for (auto purpose : {kDataPurpose, kBlindIndexPurpose}) {
    std::string key = random_bytes(kKeyBytes);
    const auto wrapped = wrap_key(master, org_id, next, purpose, key);
    cleanse(key);
    tx.run(kInsertKey, std::int64_t{next}, std::string(purpose), wrapped, now_ms);
    ++next;
  }
}

bool create_org_keys(store::Database& db, const Secret& master, std::int64_t org_id,
                     std::int64_t now_ms) {
  try {
    db.transaction(
        [&](store::Connection& conn) { create_org_keys_on(conn, master, org_id, now_ms); });
    return true;
  } catch (const store::ConstraintViolation&) {
    return false;  // another instance created them at the same moment
  }
}

Expected<int, std::string> rotate_master(store::Connection& conn, const Secret& current,
                                         const Secret& next, std::int64_t now_ms) {
  const auto r = conn.query(kFingerprint);
  const std::string recorded = r.empty() ? "" : r.rows[0].text(0);
  if (!recorded.empty() && recorded != master_fingerprint(current))
    return unexpected("BULWARK_MASTER_KEY (fingerprint " + master_fingerprint(current) +
                      ") is not the database's master key (fingerprint " + recorded + ")");
  int count = 0;
  for (const auto& k : all_org_keys(conn)) {
    auto plain = unwrap_key(current, k.org_id, k.key_id, k.purpose, k.wrapped);
    if (!plain) return unexpected(plain.error());
    store::OrgTx tx(conn, k.org_id);
    tx.run(kRewrap, std::int64_t{k.key_id}, wrap_key(next, k.org_id, k.key_id, k.purpose, *plain));
    cleanse(*plain);
    ++count;
  }
  const std::string fp = master_fingerprint(next);
  if (conn.query(kUpdateFingerprint, {fp, now_ms}).affected == 0)
    conn.query(kRecordFingerprint, {fp, now_ms});
  return count;
}

int create_missing_org_keys(store::Database& db, const Secret& master, std::int64_t now_ms) {
  std::vector<std::int64_t> missing;
  db.with_connection([&](store::Connection& conn) {
    for (const auto& row : conn.query(kOrgsWithoutKeys).rows) missing.push_back(row.integer(0));
  });
  for (auto org : missing) create_org_keys(db, master, org, now_ms);
  return static_cast<int>(missing.size());
}

std::uint32_t add_data_key(store::Connection& conn, const Secret& master, std::int64_t org_id,
                           std::int64_t now_ms) {
  store::OrgTx tx(conn, org_id);
  std::uint32_t next = 1;
  for (const auto& k : decode(tx.run(kOrgKeys))) next = std::max(next, k.key_id + 1);
  std::string key = random_bytes(kKeyBytes);
  const auto wrapped = wrap_key(master, org_id, next, kDataPurpose, key);
  cleanse(key);
  tx.run(kInsertKey, std::int64_t{next}, std::string(kDataPurpose), wrapped, now_ms);
  return next;
}

std::int64_t retire_data_keys_except(store::Connection& conn, std::int64_t org_id,
                                     std::uint32_t keep, std::int64_t now_ms) {
  return store::OrgTx(conn, org_id).run(kRetireOthers, std::int64_t{keep}, now_ms).affected;
}

}  // namespace bulwark::crypto
