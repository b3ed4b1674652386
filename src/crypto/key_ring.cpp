#include "crypto/key_ring.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "crypto/base64.hpp"
#include "crypto/key_store.hpp"
#include "crypto/master_key.hpp"
#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {
std::atomic<std::uint64_t> g_next_ring_serial{1};
}  // namespace

KeyRing::KeyRing(store::Database& db, const Secret& master, Now now)
    : db_(db), master_(master), now_(std::move(now)), serial_(g_next_ring_serial++) {}

KeyRing::~KeyRing() = default;

KeyRing::OrgKeys::~OrgKeys() { cleanse(blind); }

KeyRing::Keys KeyRing::load(std::int64_t org) {
  std::vector<StoredKey> stored;
  for (int attempt = 0; attempt < 2; ++attempt) {
    db_.with_connection([&](store::Connection& conn) { stored = org_keys(conn, org); });
    if (!stored.empty()) break;
    create_org_keys(db_, master_, org, now_());  // false: another instance won; read theirs
  }
  auto out = std::make_shared<OrgKeys>();
  out->loaded_at = std::chrono::steady_clock::now();
  for (const auto& k : stored) {
    auto key = unwrap_key(master_, org, k.key_id, k.purpose, k.wrapped);
    if (!key) throw std::runtime_error(key.error());
    if (k.purpose == kBlindIndexPurpose) {
      cleanse(out->blind);
      out->blind = std::move(*key);
    } else {
      if (!k.retired_at) out->active_data_id = std::max(out->active_data_id, k.key_id);
      out->data[k.key_id] = std::make_unique<GcmKey>(std::move(*key));
    }
  }
  if (out->active_data_id == 0 || out->blind.empty())
    throw std::runtime_error("organization " + std::to_string(org) + " has no usable keys");
  return out;
}

KeyRing::Keys KeyRing::keys_of(std::int64_t org) {
  // The thread's last answer (a row's five fields are opened one after
  // another, and a page's rows by the same thread): held weakly, so it never
  // keeps keys the ring dropped alive, and only while no load or forget()
  // changed the cache since it was read (generation_, read first).
  struct Recent {
    std::uint64_t ring = 0, generation = 0;
    std::int64_t org = 0;
    std::weak_ptr<const OrgKeys> keys;
  };
  thread_local Recent recent;
  const auto generation = generation_.load(std::memory_order_acquire);
  const auto now = std::chrono::steady_clock::now();
  if (recent.ring == serial_ && recent.org == org && recent.generation == generation) {
    if (auto keys = recent.keys.lock(); keys && now - keys->loaded_at < kKeysTtl) return keys;
  }
  Keys found;
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(org); it != cache_.end() && now - it->second->loaded_at < kKeysTtl)
      found = it->second;
  }
  if (!found) {
    // Loaded outside the lock (database round trips); the newest load wins,
    // and a caller still holding the previous one keeps it alive.
    found = load(org);
    std::lock_guard lock(mutex_);
    cache_[org] = found;
    generation_.fetch_add(1, std::memory_order_acq_rel);
  }
  recent = Recent{serial_, generation, org, found};
  return found;
}

Expected<std::string, CipherError> KeyRing::encrypt(std::int64_t org, std::string_view table,
                                                    std::string_view column,
                                                    std::string_view row_key,
                                                    std::string_view plaintext) {
  const auto keys = keys_of(org);
  return seal_field(*keys->data.at(keys->active_data_id), keys->active_data_id,
                    FieldContext{org, table, column, row_key}, plaintext);
}

Expected<std::string, CipherError> KeyRing::decrypt(std::int64_t org, std::string_view table,
                                                    std::string_view column,
                                                    std::string_view row_key,
                                                    std::string_view envelope) {
  auto parsed = parse_envelope_view(envelope);
  if (!parsed) return unexpected(parsed.error());
  if (row_key.size() != kRowKeyBytes) return unexpected(CipherError::authentication_failed);
  auto keys = keys_of(org);
  auto key = keys->data.find(parsed->key_id);
  if (key == keys->data.end()) {
    // Sealed by another instance under a key added since this one loaded its
    // keys (a rotation): read them again, once.
    forget(org);
    keys = keys_of(org);
    key = keys->data.find(parsed->key_id);
    if (key == keys->data.end()) return unexpected(CipherError::unknown_key);
  }
  return open_field(*key->second, FieldContext{org, table, column, row_key}, *parsed);
}

Expected<std::string, CipherError> KeyRing::blind_index(std::int64_t org, std::string_view domain,
                                                        std::string_view value) {
  const auto keys = keys_of(org);
  std::string input(domain);
  input.push_back('\0');
  input.append(value);
  return hmac_sha256(keys->blind, input);
}

namespace {
// A row's fields are opened one after another with the same row key: the
// thread keeps the last one decoded.
const std::string& raw_row_key(std::string_view row_key) {
  thread_local std::string last_text, last_raw;
  if (row_key == last_text && !last_raw.empty()) return last_raw;
  auto raw = from_base64(row_key);
  if (!raw || raw->size() != kRowKeyBytes) throw store::FieldSealError("malformed row key");
  last_text.assign(row_key);
  last_raw = std::move(*raw);
  return last_raw;
}
[[noreturn]] void fail(std::string_view what, std::string_view table, std::string_view column,
                       CipherError e) {
  // Names the place, never the value.
  throw store::FieldSealError(std::string(what) + " " + std::string(table) + "." +
                              std::string(column) + ": " + std::string(describe(e)));
}
}  // namespace

std::string KeyRing::new_row_key() { return base64(crypto::new_row_key()); }

std::string KeyRing::seal(std::int64_t org, std::string_view table, std::string_view column,
                          std::string_view row_key, std::string_view plain) {
  auto sealed = encrypt(org, table, column, raw_row_key(row_key), plain);
  if (!sealed) fail("cannot seal", table, column, sealed.error());
  return base64(*sealed);
}

std::string KeyRing::open(std::int64_t org, std::string_view table, std::string_view column,
                          std::string_view row_key, std::string_view sealed) {
  thread_local std::string bytes;  // the envelope (ciphertext, no secret), reused per field
  if (!from_base64_into(sealed, bytes)) fail("cannot open", table, column, CipherError::malformed);
  auto plain = decrypt(org, table, column, raw_row_key(row_key), bytes);
  if (!plain) fail("cannot open", table, column, plain.error());
  return std::move(*plain);
}

std::string KeyRing::seal_bytes(std::int64_t org, std::string_view table, std::string_view column,
                                std::string_view row_key, std::string_view plain) {
  auto sealed = encrypt(org, table, column, raw_row_key(row_key), plain);
  if (!sealed) fail("cannot seal", table, column, sealed.error());
  return std::move(*sealed);
}

std::string KeyRing::open_bytes(std::int64_t org, std::string_view table, std::string_view column,
                                std::string_view row_key, std::string_view sealed) {
  auto plain = decrypt(org, table, column, raw_row_key(row_key), sealed);
  if (!plain) fail("cannot open", table, column, plain.error());
  return std::move(*plain);
}

std::string KeyRing::blind(std::int64_t org, std::string_view domain, std::string_view value,
                           std::size_t bytes) {
  auto mac = blind_index(org, domain, value);
  if (!mac) fail("cannot index", "blind", domain, mac.error());
  return to_hex(std::string_view(*mac).substr(0, std::min(bytes, mac->size())));
}

std::uint32_t KeyRing::key_id_of(std::string_view sealed) {
  auto bytes = from_base64(sealed);
  if (!bytes) return 0;
  auto envelope = parse_envelope(*bytes);
  return envelope ? envelope->key_id : 0;
}

std::uint32_t KeyRing::active_key_id(std::int64_t org) { return keys_of(org)->active_data_id; }

void KeyRing::create_keys(store::Connection& conn, std::int64_t org) {
  if (org_keys(conn, org).empty()) create_org_keys_on(conn, master_, org, now_());
}

void KeyRing::forget(std::int64_t org) {
  std::lock_guard lock(mutex_);
  cache_.erase(org);
  generation_.fetch_add(1, std::memory_order_acq_rel);  // no thread's recent keys stay valid
}

KeyRing& attach_key_ring(store::Database& db, const Secret& master, KeyRing::Now now) {
  create_missing_org_keys(db, master, now());
  auto ring = std::make_shared<KeyRing>(db, master, std::move(now));
  KeyRing& out = *ring;
  db.set_field_sealer(std::move(ring));
  return out;
}

}  // namespace bulwark::crypto
