#include "crypto/field_cipher.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// Every field is sealed or opened on its own, many per list page, so the
// fixed costs matter more than the AES itself: the cipher is fetched from
// the provider once per process (not on every init), and each thread keeps
// one context per direction that later inits re-key (a NULL cipher keeps
// the one set first). OpenSSL's cipher objects are immutable and safe to
// share between threads; a context is used by one thread only.
const EVP_CIPHER* aes_256_gcm() {
  static EVP_CIPHER* const kCipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  return kCipher;
}

// The thread's context for one direction, set to AES-256-GCM with `key`
// and `nonce`; nullptr if OpenSSL refuses.
EVP_CIPHER_CTX* gcm_context(bool encrypt, std::string_view key, std::string_view nonce) {
  thread_local CipherCtx enc(nullptr, &EVP_CIPHER_CTX_free);
  thread_local CipherCtx dec(nullptr, &EVP_CIPHER_CTX_free);
  CipherCtx& ctx = encrypt ? enc : dec;
  const EVP_CIPHER* cipher = nullptr;  // the one set when the context was made
  if (!ctx) {
    cipher = aes_256_gcm();
    if (!cipher) return nullptr;
    ctx.reset(EVP_CIPHER_CTX_new());
    if (!ctx) return nullptr;
  }
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  const auto* n = reinterpret_cast<const unsigned char*>(nonce.data());
  const int ok = encrypt ? EVP_EncryptInit_ex(ctx.get(), cipher, nullptr, k, n)
                         : EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, k, n);
  if (ok != 1) {
    ctx.reset();  // made again on the next call
    return nullptr;
  }
  return ctx.get();
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void put_field(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Lengths travel as int through EVP; fields are far below 2 GiB.
bool fits_int(std::string_view s) { return s.size() < (1u << 30); }

}  // namespace

std::string_view describe(CipherError e) {
  switch (e) {
    case CipherError::malformed: return "the ciphertext is malformed";
    case CipherError::unsupported_version: return "the ciphertext's format version is unknown";
    case CipherError::unknown_key: return "the ciphertext's key id is unknown";
    case CipherError::authentication_failed:
      return "the ciphertext does not authenticate (wrong key, tampered, or moved)";
    case CipherError::bad_argument: return "a key or row key has the wrong length";
  }
  return "unknown cipher error";
}

Expected<EnvelopeView, CipherError> parse_envelope_view(std::string_view in) {
  if (in.empty()) return unexpected(CipherError::malformed);
  if (static_cast<std::uint8_t>(in[0]) != kEnvelopeVersion)
    return unexpected(CipherError::unsupported_version);
  if (in.size() < kEnvelopeHeaderBytes) return unexpected(CipherError::malformed);
  EnvelopeView e;
  e.version = static_cast<std::uint8_t>(in[0]);
  for (std::size_t i = 1; i <= 4; ++i)
    e.key_id = (e.key_id << 8) | static_cast<std::uint8_t>(in[i]);
  e.nonce = in.substr(5, kNonceBytes);
  e.tag = in.substr(5 + kNonceBytes, kTagBytes);
  e.ciphertext = in.substr(kEnvelopeHeaderBytes);
  return e;
}

Expected<Envelope, CipherError> parse_envelope(std::string_view in) {
  auto v = parse_envelope_view(in);
  if (!v) return unexpected(v.error());
  Envelope e;
  e.version = v->version;
  e.key_id = v->key_id;
  e.nonce = std::string(v->nonce);
  e.tag = std::string(v->tag);
  e.ciphertext = std::string(v->ciphertext);
  return e;
}

std::string serialize_envelope(const Envelope& e) {
  std::string out;
  out.reserve(kEnvelopeHeaderBytes + e.ciphertext.size());
  out.push_back(static_cast<char>(e.version));
  put_u32(out, e.key_id);
  out.append(e.nonce);
  out.append(e.tag);
  out.append(e.ciphertext);
  return out;
}

std::string new_row_key() { return random_bytes(kRowKeyBytes); }

void field_associated_data_into(std::string& aad, const FieldContext& where, std::uint8_t version,
                                std::uint32_t key_id) {
  aad.assign("bulwark-field");
  aad.push_back(static_cast<char>(version));
  put_u32(aad, key_id);
  put_u64(aad, static_cast<std::uint64_t>(where.org_id));
  put_field(aad, where.table);
  put_field(aad, where.column);
  put_field(aad, where.row_key);
}

std::string field_associated_data(const FieldContext& where, std::uint8_t version,
                                  std::uint32_t key_id) {
  std::string aad;
  field_associated_data_into(aad, where, version, key_id);
  return aad;
}

Expected<std::string, CipherError> gcm_seal(std::string_view key, std::string_view nonce,
                                            std::string_view aad, std::string_view plaintext) {
  if (key.size() != kKeyBytes || nonce.size() != kNonceBytes || !fits_int(aad) ||
      !fits_int(plaintext))
    return unexpected(CipherError::bad_argument);
  EVP_CIPHER_CTX* ctx = gcm_context(true, key, nonce);
  std::string out(plaintext.size() + kTagBytes, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  int len = 0, total = 0;
  if (!ctx ||
      EVP_EncryptUpdate(ctx, nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx, o, &len, bytes(plaintext), static_cast<int>(plaintext.size())) != 1)
    return unexpected(CipherError::bad_argument);
  total = len;
  if (EVP_EncryptFinal_ex(ctx, o + total, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                          o + plaintext.size()) != 1)
    return unexpected(CipherError::bad_argument);
  return out;
}

Expected<std::string, CipherError> gcm_open(std::string_view key, std::string_view nonce,
                                            std::string_view aad, std::string_view ciphertext,
                                            std::string_view tag) {
  if (key.size() != kKeyBytes) return unexpected(CipherError::bad_argument);
  if (nonce.size() != kNonceBytes || tag.size() != kTagBytes || !fits_int(aad) ||
      !fits_int(ciphertext))
    return unexpected(CipherError::malformed);
  EVP_CIPHER_CTX* ctx = gcm_context(false, key, nonce);
  std::string out(ciphertext.size(), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  std::string tag_copy(tag);  // EVP wants a writable buffer
  int len = 0;
  if (!ctx ||
      EVP_DecryptUpdate(ctx, nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx, o, &len, bytes(ciphertext), static_cast<int>(ciphertext.size())) !=
          1 ||
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes),
                          tag_copy.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx, o + len, &len) != 1) {
    cleanse(out);
    return unexpected(CipherError::authentication_failed);
  }
  return out;
}

Expected<std::string, CipherError> seal_field(std::string_view key, std::uint32_t key_id,
                                              const FieldContext& where,
                                              std::string_view plaintext) {
  if (where.row_key.size() != kRowKeyBytes) return unexpected(CipherError::bad_argument);
  Envelope e;
  e.key_id = key_id;
  e.nonce = random_bytes(kNonceBytes);  // random 96-bit nonce per field write
  auto sealed = gcm_seal(key, e.nonce, field_associated_data(where, e.version, key_id), plaintext);
  if (!sealed) return unexpected(sealed.error());
  e.tag = sealed->substr(plaintext.size());
  e.ciphertext = sealed->substr(0, plaintext.size());
  return serialize_envelope(e);
}

Expected<std::string, CipherError> open_field(const KeyLookup& key_for, const FieldContext& where,
                                              std::string_view envelope) {
  auto e = parse_envelope_view(envelope);
  if (!e) return unexpected(e.error());
  if (where.row_key.size() != kRowKeyBytes) return unexpected(CipherError::authentication_failed);
  const std::string* key = key_for(e->key_id);
  if (key == nullptr) return unexpected(CipherError::unknown_key);
  return gcm_open(*key, e->nonce, field_associated_data(where, e->version, e->key_id),
                  e->ciphertext, e->tag);
}

void cleanse(std::string& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

}  // namespace bulwark::crypto
