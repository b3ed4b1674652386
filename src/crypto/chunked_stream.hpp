#pragma once
// The backup file format: AES-256-GCM over a stream in 64 KiB chunks, so a
// backup of any size is encrypted and checked without holding it in memory.
//
//   header (32 bytes): "BWBACKUP" | version u8 (1) | kind u8 | 2 zero bytes |
//                      chunk size u32 BE (65536) | nonce prefix (8 random) |
//                      key check (8: HMAC-SHA256(key, "bulwark backup key check"))
//   then chunks:       ciphertext (exactly 64 KiB, or less for the last one) | tag (16)
//
// Chunk i's nonce is prefix || i (u32 BE); its associated data is the whole
// header || i (u64 BE) || last flag (1 for the final chunk, else 0). The
// final chunk is always shorter than 64 KiB (empty when the plain text is a
// multiple), so: a file cut at a chunk boundary lacks its final chunk, two
// swapped chunks fail their nonce, an edited header fails every tag, bytes
// after the final chunk are refused, and a wrong key is named by the key
// check before any chunk is tried. Nothing is handed to the sink before its
// tag is verified; callers that must not act on a partial stream (restore)
// verify the whole file first and decrypt again.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/expected.hpp"

namespace bulwark::crypto {

inline constexpr std::size_t kBackupChunk = 64 * 1024;
inline constexpr std::size_t kBackupHeader = 32;
inline constexpr std::size_t kBackupTag = 16;
inline constexpr std::uint8_t kBackupVersion = 1;

// What the plain text is (restore picks the tool by it).
// audit_archive: audit entries moved out of the live log (audit/archive.cpp).
enum class BackupKind : std::uint8_t { sqlite = 1, pg_dump = 2, audit_archive = 3 };

struct BackupHeader {
  std::uint8_t version = kBackupVersion;
  BackupKind kind = BackupKind::sqlite;
  std::string nonce_prefix;  // 8 bytes
  std::string key_check;     // 8 bytes
};

// Parses the first kBackupHeader bytes; an error names what is wrong.
Expected<BackupHeader, std::string> parse_backup_header(std::string_view bytes);

// Encrypts a stream: write() any number of times, then finish() once.
class ChunkedEncryptor {
 public:
  using Sink = std::function<void(std::string_view)>;
  // key: 32 raw bytes. Writes the header to `sink` at once.
  ChunkedEncryptor(std::string_view key, BackupKind kind, Sink sink);
  void write(std::string_view plain);
  void finish();

 private:
  void seal(std::string_view plain, bool last);
  std::string key_;
  std::string header_;
  std::string nonce_prefix_;
  std::string pending_;
  std::uint32_t counter_ = 0;
  bool finished_ = false;
  Sink sink_;
};

struct DecryptStats {
  BackupKind kind = BackupKind::sqlite;
  std::uint64_t plain_bytes = 0;
  std::uint64_t chunks = 0;
};

// Reads up to n bytes into buf, returns how many (0 at end of stream).
using ReadFn = std::function<std::size_t(char* buf, std::size_t n)>;
using PlainSink = std::function<void(std::string_view)>;

// Decrypts and authenticates a whole stream, handing each verified chunk to
// `sink` (may be empty: verify only). The error says which check failed.
Expected<DecryptStats, std::string> decrypt_backup(std::string_view key, const ReadFn& read,
                                                   const PlainSink& sink);

// A 32-byte key from its text form: 64 hex digits or base64 (padded or
// not, standard or URL alphabet), surrounding white space ignored.
Expected<std::string, std::string> parse_backup_key(std::string_view text);

}  // namespace bulwark::crypto
