#pragma once
// Field-level encryption (issue 13 item 1): AES-256-GCM through OpenSSL EVP in
// a versioned envelope
//   version (1 byte) | key id (4 bytes, big-endian) | nonce (12) | tag (16) | ciphertext
// The associated data binds the envelope header, the organization, the table,
// the column and a random 128-bit row key chosen before the INSERT (the row
// id does not exist yet), so a ciphertext copied to another row, column or
// tenant fails to decrypt. Every failure is a value, never an exception.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/expected.hpp"

namespace bulwark::crypto {

inline constexpr std::uint8_t kEnvelopeVersion = 1;
inline constexpr std::size_t kKeyBytes = 32, kNonceBytes = 12, kTagBytes = 16, kRowKeyBytes = 16;
inline constexpr std::size_t kEnvelopeHeaderBytes = 1 + 4 + kNonceBytes + kTagBytes;

enum class CipherError {
  malformed,              // too short for the envelope
  unsupported_version,    // a format this binary does not know
  unknown_key,            // no key with the envelope's key id
  authentication_failed,  // wrong key, tampered bytes or another row/column/tenant
  bad_argument,           // a key or row key of the wrong length
};
std::string_view describe(CipherError e);

struct Envelope {
  std::uint8_t version = kEnvelopeVersion;
  std::uint32_t key_id = 0;
  std::string nonce;       // 12 bytes
  std::string tag;         // 16 bytes
  std::string ciphertext;  // as long as the plaintext
};
Expected<Envelope, CipherError> parse_envelope(std::string_view bytes);
// The same fields as views into `bytes` (no copies: the hot path of a list).
struct EnvelopeView {
  std::uint8_t version = kEnvelopeVersion;
  std::uint32_t key_id = 0;
  std::string_view nonce, tag, ciphertext;
};
Expected<EnvelopeView, CipherError> parse_envelope_view(std::string_view bytes);
std::string serialize_envelope(const Envelope& e);

// Where a field lives. row_key: kRowKeyBytes random bytes stored with the row.
struct FieldContext {
  std::int64_t org_id = 0;
  std::string_view table;
  std::string_view column;
  std::string_view row_key;
};
std::string new_row_key();  // kRowKeyBytes from the CSPRNG

// The associated data of one field (length-prefixed, so no two contexts collide).
std::string field_associated_data(const FieldContext& where, std::uint8_t version,
                                  std::uint32_t key_id);
// The same bytes written into `out` (cleared first), so a caller can reuse one buffer.
void field_associated_data_into(std::string& out, const FieldContext& where, std::uint8_t version,
                                std::uint32_t key_id);

// Raw AES-256-GCM. seal returns ciphertext || tag.
Expected<std::string, CipherError> gcm_seal(std::string_view key, std::string_view nonce,
                                            std::string_view aad, std::string_view plaintext);
Expected<std::string, CipherError> gcm_open(std::string_view key, std::string_view nonce,
                                            std::string_view aad, std::string_view ciphertext,
                                            std::string_view tag);

Expected<std::string, CipherError> seal_field(std::string_view key, std::uint32_t key_id,
                                              const FieldContext& where,
                                              std::string_view plaintext);
// `key_for` returns the key of a key id, or nullptr when there is none.
using KeyLookup = std::function<const std::string*(std::uint32_t key_id)>;
Expected<std::string, CipherError> open_field(const KeyLookup& key_for, const FieldContext& where,
                                              std::string_view envelope);

// Wipes a key from memory (OPENSSL_cleanse: not optimised away).
void cleanse(std::string& secret);

}  // namespace bulwark::crypto
