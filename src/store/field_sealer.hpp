#pragma once
// The seam between the repositories and the key ring (issue 13 item 1):
// store/ cannot include crypto/ (crypto sits beside it and uses it), so the
// database carries this interface and crypto::KeyRing implements it. OrgTx
// exposes it bound to its organization; repositories are the only callers,
// so handlers and services never see a ciphertext.
//
// Every value crossing it is text a TEXT column can hold on both engines:
// sealed envelopes and row keys are base64, blind indexes lower-case hex.
// Failures throw FieldSealError: a field that does not open is a corrupted or
// moved row (or a lost key), never an input error, and must not be shown as
// data.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bulwark::store {

class Connection;

struct FieldSealError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class FieldSealer {
 public:
  virtual ~FieldSealer() = default;
  // A fresh random row key (base64 of 128 bits), chosen before the INSERT.
  virtual std::string new_row_key() = 0;
  // Seals `plain` under the organization's newest data key: base64 envelope.
  virtual std::string seal(std::int64_t org, std::string_view table, std::string_view column,
                           std::string_view row_key, std::string_view plain) = 0;
  // Opens an envelope sealed by seal() for the same org/table/column/row key.
  virtual std::string open(std::int64_t org, std::string_view table, std::string_view column,
                           std::string_view row_key, std::string_view sealed) = 0;
  // Binary variants for files (attachments): the same envelope and
  // associated data, returned raw instead of base64 (a blob is stored as
  // bytes, and base64 would grow it by a third).
  virtual std::string seal_bytes(std::int64_t org, std::string_view table, std::string_view column,
                                 std::string_view row_key, std::string_view plain) = 0;
  virtual std::string open_bytes(std::int64_t org, std::string_view table, std::string_view column,
                                 std::string_view row_key, std::string_view sealed) = 0;
  // Blind index: HMAC-SHA256 under the organization's blind-index key over
  // `domain` and the already normalised `value`, truncated to `bytes` bytes,
  // as hex. Equal inputs give equal tokens; nothing else is learnt from one.
  virtual std::string blind(std::int64_t org, std::string_view domain, std::string_view value,
                            std::size_t bytes) = 0;
  // The key id an envelope was sealed with (rotation sweeps compare it with
  // active_key_id); 0 when the text is not an envelope.
  virtual std::uint32_t key_id_of(std::string_view sealed) = 0;
  virtual std::uint32_t active_key_id(std::int64_t org) = 0;
  // Reads the organization's keys again now (after a data key was added).
  virtual void refresh(std::int64_t org) = 0;
  // Makes sure `org` has keys, written on `conn` inside the caller's
  // transaction (org creation): nothing is cached until the keys are read back.
  virtual void create_keys(Connection& conn, std::int64_t org) = 0;
};

}  // namespace bulwark::store
