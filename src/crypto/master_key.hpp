#pragma once
// The top of the key hierarchy (issue 13 item 1): one 256-bit master key,
// from BULWARK_MASTER_KEY (base64 or hex) or BULWARK_MASTER_KEY_FILE (a
// systemd/Docker secret). It wraps each organization's data and blind-index
// keys and is never stored in the database: only its fingerprint is.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "core/secret.hpp"

namespace bulwark::crypto {

using EnvLookup = std::function<std::optional<std::string>(const char*)>;

// 32 bytes written as 64 hex digits or base64 (padded or not); surrounding
// whitespace is ignored. The error never repeats the text.
Expected<Secret, std::string> parse_master_key(std::string_view text);

// First 16 hex of HMAC-SHA256(master, "bulwark master fingerprint"): safe to
// print and store; tells two keys apart without revealing either.
std::string master_fingerprint(const Secret& master);

enum class MasterKeyOrigin { environment, file, generated, data_dir_file };
struct MasterKey {
  Secret key;
  MasterKeyOrigin origin = MasterKeyOrigin::environment;
  std::string path;  // the file it came from or was written to
};

// Reads `<prefix>` or `<prefix>_FILE` (both set is an error). With neither:
// nullopt. Used for BULWARK_MASTER_KEY and BULWARK_NEW_MASTER_KEY.
Expected<std::optional<MasterKey>, std::string> read_key_variable(const EnvLookup& env,
                                                                  const std::string& prefix);

// The server's master key: the variables above; with neither, production
// refuses (an error naming what to set) and development reads or creates
// <data_dir>/master.key (mode 0600; the caller warns loudly).
Expected<MasterKey, std::string> load_master_key(const EnvLookup& env, bool production,
                                                 const std::string& data_dir);

// Key wrapping: a data key sealed with AES-256-GCM under the master key; the
// associated data binds organization, key id and purpose, so a wrapped key
// copied to another row does not unwrap. Stored as hex (nonce|ciphertext|tag).
std::string wrap_key(const Secret& master, std::int64_t org_id, std::uint32_t key_id,
                     std::string_view purpose, std::string_view key);
Expected<std::string, std::string> unwrap_key(const Secret& master, std::int64_t org_id,
                                              std::uint32_t key_id, std::string_view purpose,
                                              std::string_view wrapped_hex);

// Escrow: the key as 64 hex digits in groups of four, two lines of eight
// groups, each line ending in a 4-hex checksum (first 2 bytes of SHA-256 of
// the line's digits) so a typing mistake is found per line.
std::string escrow_text(const Secret& master);
// Reads a typed or pasted escrow copy (checksums optional per line, case and
// spacing free); an error names the line whose checksum does not match.
Expected<Secret, std::string> parse_escrow(std::string_view text);

}  // namespace bulwark::crypto
