#pragma once
// The one object repositories call to encrypt and decrypt personal fields
// (issue 13 item 1; the wiring into each repository is the next step).
// Each organization's keys are unwrapped on first use and cached in memory
// for the life of the process; the cache is wiped (OPENSSL_cleanse) when the
// ring is destroyed. An organization without keys gets them on first encrypt.
//
//   auto row_key = crypto::new_row_key();            // stored with the row
//   auto sealed = ring.encrypt(org, "customers", "name", row_key, name);
//   auto name = ring.decrypt(org, "customers", "name", row_key, sealed);
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/expected.hpp"
#include "core/secret.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/gcm_key.hpp"
#include "store/database.hpp"
#include "store/field_sealer.hpp"

namespace bulwark::crypto {

// Also the database's store::FieldSealer: OrgTx::seal/open/blind end here.
class KeyRing final : public store::FieldSealer {
 public:
  using Now = std::function<std::int64_t()>;
  KeyRing(store::Database& db, const Secret& master, Now now);
  ~KeyRing() override;
  KeyRing(const KeyRing&) = delete;
  KeyRing& operator=(const KeyRing&) = delete;

  // Seals under the organization's newest data key.
  Expected<std::string, CipherError> encrypt(std::int64_t org, std::string_view table,
                                             std::string_view column, std::string_view row_key,
                                             std::string_view plaintext);
  // Opens with whichever of the organization's keys the envelope names
  // (old keys stay readable until a rotation has rewritten every row).
  Expected<std::string, CipherError> decrypt(std::int64_t org, std::string_view table,
                                             std::string_view column, std::string_view row_key,
                                             std::string_view envelope);
  // HMAC-SHA256 under the organization's blind-index key (issue 13 item 2),
  // over `domain` and the already normalised `value`; raw 32 bytes.
  Expected<std::string, CipherError> blind_index(std::int64_t org, std::string_view domain,
                                                 std::string_view value);

  // store::FieldSealer (text in, text out; failures throw store::FieldSealError).
  std::string new_row_key() override;
  std::string seal(std::int64_t org, std::string_view table, std::string_view column,
                   std::string_view row_key, std::string_view plain) override;
  std::string open(std::int64_t org, std::string_view table, std::string_view column,
                   std::string_view row_key, std::string_view sealed) override;
  std::string seal_bytes(std::int64_t org, std::string_view table, std::string_view column,
                         std::string_view row_key, std::string_view plain) override;
  std::string open_bytes(std::int64_t org, std::string_view table, std::string_view column,
                         std::string_view row_key, std::string_view sealed) override;
  std::string blind(std::int64_t org, std::string_view domain, std::string_view value,
                    std::size_t bytes) override;
  std::uint32_t key_id_of(std::string_view sealed) override;
  std::uint32_t active_key_id(std::int64_t org) override;
  void create_keys(store::Connection& conn, std::int64_t org) override;
  void refresh(std::int64_t org) override { forget(org); }
  // Drops an organization's cached keys (after a data-key rotation added one).
  void forget(std::int64_t org);

  // How long an instance keeps an organization's keys before reading them
  // again: the longest an instance may still seal with a key just replaced.
  static constexpr std::chrono::seconds kKeysTtl{10};

 private:
  struct OrgKeys {
    std::uint32_t active_data_id = 0;
    // key id -> the key with its ready contexts (gcm_key.hpp): freed and
    // wiped with this object, when the ring drops these keys.
    std::map<std::uint32_t, std::unique_ptr<GcmKey>> data;
    std::string blind;
    std::chrono::steady_clock::time_point loaded_at;
    OrgKeys() = default;
    OrgKeys(const OrgKeys&) = delete;
    OrgKeys& operator=(const OrgKeys&) = delete;
    ~OrgKeys();  // wipes the blind-index key (each GcmKey wipes itself)
  };
  using Keys = std::shared_ptr<const OrgKeys>;
  // The cached keys of `org`, loading (and creating) them on first use and
  // again when older than kKeysTtl, so that every instance starts sealing
  // with a key that `admin keys rotate-data` added within that time. Throws
  // when a wrapped key does not unwrap: the start-up fingerprint check makes
  // that a corrupted row, not an operator mistake.
  Keys keys_of(std::int64_t org);
  Keys load(std::int64_t org);

  store::Database& db_;
  Secret master_;
  Now now_;
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Keys> cache_;
  std::atomic<std::uint64_t> generation_{0};  // bumped whenever cache_ changes
  const std::uint64_t serial_;                // this ring among all rings of the process
};

// Gives every organization keys, then attaches a key ring under `master` to
// `db`, so that OrgTx::seal/open/blind work on all its connections. The
// caller has checked the master key's fingerprint.
KeyRing& attach_key_ring(store::Database& db, const Secret& master, KeyRing::Now now);

}  // namespace bulwark::crypto
