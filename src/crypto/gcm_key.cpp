#include "crypto/gcm_key.hpp"

#include <openssl/evp.h>

#include <atomic>
#include <cstring>

#include "crypto/field_cipher.hpp"
#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {

std::atomic<std::size_t> g_live_contexts{0};

const EVP_CIPHER* aes_256_gcm() {
  static EVP_CIPHER* const kCipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  return kCipher;
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool fits_int(std::string_view s) { return s.size() < (1u << 30); }

}  // namespace

GcmKey::GcmKey(std::string raw) : raw_(std::move(raw)) {}

GcmKey::~GcmKey() {
  for (auto* ctx : idle_) discard(ctx);  // EVP_CIPHER_CTX_free cleanses the key schedule
  cleanse(raw_);
}

std::size_t GcmKey::live_contexts() { return g_live_contexts.load(); }

EVP_CIPHER_CTX* GcmKey::take() const {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto* ctx = idle_.back();
      idle_.pop_back();
      return ctx;
    }
  }
  // A new context, keyed once: later uses only set the nonce (a NULL key
  // and cipher keep the schedule; the direction is set per use).
  const EVP_CIPHER* cipher = aes_256_gcm();
  if (!cipher || raw_.size() != kKeyBytes) return nullptr;
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  if (!ctx) return nullptr;
  ++g_live_contexts;
  if (EVP_CipherInit_ex(ctx, cipher, nullptr, bytes(raw_), nullptr, 0) != 1) {
    discard(ctx);
    return nullptr;
  }
  return ctx;
}

void GcmKey::give_back(EVP_CIPHER_CTX* ctx) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(ctx);
}

void GcmKey::discard(EVP_CIPHER_CTX* ctx) {
  if (!ctx) return;
  EVP_CIPHER_CTX_free(ctx);
  --g_live_contexts;
}

Expected<std::string, CipherError> GcmKey::seal(std::string_view nonce, std::string_view aad,
                                                std::string_view plaintext) const {
  if (nonce.size() != kNonceBytes || !fits_int(aad) || !fits_int(plaintext))
    return unexpected(CipherError::bad_argument);
  EVP_CIPHER_CTX* ctx = take();
  if (!ctx) return unexpected(CipherError::bad_argument);
  std::string out(plaintext.size() + kTagBytes, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  int len = 0;
  const bool ok =
      EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, bytes(nonce), 1) == 1 &&
      EVP_EncryptUpdate(ctx, nullptr, &len, bytes(aad), static_cast<int>(aad.size())) == 1 &&
      EVP_EncryptUpdate(ctx, o, &len, bytes(plaintext), static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(ctx, o + len, &len) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                          o + plaintext.size()) == 1;
  if (!ok) {
    discard(ctx);
    cleanse(out);
    return unexpected(CipherError::bad_argument);
  }
  give_back(ctx);
  return out;
}

bool GcmKey::open(std::string_view nonce, std::string_view aad, std::string_view ciphertext,
                  std::string_view tag, std::string& out) const {
  out.clear();
  if (nonce.size() != kNonceBytes || tag.size() != kTagBytes || !fits_int(aad) ||
      !fits_int(ciphertext))
    return false;
  EVP_CIPHER_CTX* ctx = take();
  if (!ctx) return false;
  out.resize(ciphertext.size());
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  unsigned char tag_copy[kTagBytes];  // EVP wants a writable buffer
  std::memcpy(tag_copy, tag.data(), kTagBytes);
  int len = 0;
  const bool ok =
      EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, bytes(nonce), 0) == 1 &&
      EVP_DecryptUpdate(ctx, nullptr, &len, bytes(aad), static_cast<int>(aad.size())) == 1 &&
      EVP_DecryptUpdate(ctx, o, &len, bytes(ciphertext), static_cast<int>(ciphertext.size())) ==
          1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag_copy) == 1 &&
      EVP_DecryptFinal_ex(ctx, o + len, &len) == 1;
  if (!ok) {
    // A tampered or moved field: the context is not reused (its state after
    // a failed final is OpenSSL's business), and nothing of the output stays.
    discard(ctx);
    cleanse(out);
    return false;
  }
  give_back(ctx);
  return true;
}

Expected<std::string, CipherError> seal_field(const GcmKey& key, std::uint32_t key_id,
                                              const FieldContext& where,
                                              std::string_view plaintext) {
  if (where.row_key.size() != kRowKeyBytes) return unexpected(CipherError::bad_argument);
  Envelope e;
  e.key_id = key_id;
  e.nonce = random_bytes(kNonceBytes);  // random 96-bit nonce per field write
  auto sealed = key.seal(e.nonce, field_associated_data(where, e.version, key_id), plaintext);
  if (!sealed) return unexpected(sealed.error());
  e.tag = sealed->substr(plaintext.size());
  e.ciphertext = sealed->substr(0, plaintext.size());
  return serialize_envelope(e);
}

Expected<std::string, CipherError> open_field(const GcmKey& key, const FieldContext& where,
                                              const EnvelopeView& envelope) {
  if (where.row_key.size() != kRowKeyBytes) return unexpected(CipherError::authentication_failed);
  thread_local std::string aad;  // no secret in it: the field's place and the key id
  field_associated_data_into(aad, where, envelope.version, envelope.key_id);
  std::string out;
  if (!key.open(envelope.nonce, aad, envelope.ciphertext, envelope.tag, out))
    return unexpected(CipherError::authentication_failed);
  return out;
}

}  // namespace bulwark::crypto
