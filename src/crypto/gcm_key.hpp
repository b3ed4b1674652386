#pragma once
// One AES-256-GCM data key with its key schedule kept ready (issue 13,
// "Measure"). A customer list opens 250 fields; setting the key on an
// OpenSSL context (AES key expansion, the GHASH table, parameter lookups)
// was a third of each open. A GcmKey keeps a small pool of contexts already
// keyed with it, so a field only sets its nonce. The pool belongs to the key,
// not to a thread: when the key ring drops the key (rotation, the keys' TTL,
// shutdown) the destructor frees every context (EVP_CIPHER_CTX_free cleanses
// the schedule) and wipes the raw key, so no copy outlives it in an idle
// thread. A context is used by one thread at a time (taken out of the pool
// for one field and put back).
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "crypto/field_cipher.hpp"

struct evp_cipher_ctx_st;  // OpenSSL's EVP_CIPHER_CTX; only crypto/*.cpp include OpenSSL

namespace bulwark::crypto {

class GcmKey {
 public:
  explicit GcmKey(std::string raw);  // kKeyBytes; takes the bytes (wiped on destruction)
  ~GcmKey();
  GcmKey(const GcmKey&) = delete;
  GcmKey& operator=(const GcmKey&) = delete;

  const std::string& raw() const { return raw_; }
  // ciphertext || tag, as gcm_seal.
  Expected<std::string, CipherError> seal(std::string_view nonce, std::string_view aad,
                                          std::string_view plaintext) const;
  // Opens into `out` (its capacity reused); false when it does not
  // authenticate or the arguments have the wrong sizes (out is then wiped).
  bool open(std::string_view nonce, std::string_view aad, std::string_view ciphertext,
            std::string_view tag, std::string& out) const;

  // Contexts alive in every GcmKey's pool or in use (tests check they are
  // freed with their key).
  static std::size_t live_contexts();

 private:
  evp_cipher_ctx_st* take() const;               // a keyed context, or nullptr
  void give_back(evp_cipher_ctx_st* ctx) const;  // into the pool
  static void discard(evp_cipher_ctx_st* ctx);   // after a failure: not reused

  std::string raw_;
  mutable std::mutex mutex_;
  mutable std::vector<evp_cipher_ctx_st*> idle_;
};

}  // namespace bulwark::crypto

namespace bulwark::crypto {

// seal_field and open_field of field_cipher.hpp with a kept key schedule.
// open_field takes an envelope already parsed (its key id chose `key`).
Expected<std::string, CipherError> seal_field(const GcmKey& key, std::uint32_t key_id,
                                              const FieldContext& where,
                                              std::string_view plaintext);
Expected<std::string, CipherError> open_field(const GcmKey& key, const FieldContext& where,
                                              const EnvelopeView& envelope);

}  // namespace bulwark::crypto
