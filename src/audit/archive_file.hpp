#pragma once
// One audit archive file: the archived records as JSON lines, encrypted as
// a chunked AES-256-GCM stream (crypto/chunked_stream.hpp, kind
// audit_archive) under a random 32-byte key the caller seals in the
// database. Written to a temporary name, flushed to disk, then renamed.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/expected.hpp"

namespace bulwark::audit {

// "<org>/<YYYY-MM>-<first seq>.bwaudit", relative to the archive directory.
std::string archive_file_name(std::int64_t org, const std::string& month, std::int64_t first_seq);

// Writes the records (one month's run, oldest first); returns the file's
// key as 64 hex digits. Throws std::runtime_error when the file cannot be
// written (the caller's transaction then rolls back).
std::string write_archive_file(const std::string& dir, std::int64_t org, const std::string& month,
                               const std::vector<Record>& records);

// The records of a file; the error says what is wrong (missing, a failed
// tag: altered or truncated, unreadable content).
Expected<std::vector<Record>, std::string> read_archive_file(const std::string& path,
                                                             const std::string& key_hex);

}  // namespace bulwark::audit
