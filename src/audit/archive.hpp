#pragma once
// Audit archival (issue 13 item 5.3; policy: audit logs 2 years, automated
// archival). Entries older than the organization's audit retention move
// into encrypted files, one per organization and month, under
// BULWARK_AUDIT_ARCHIVE_DIR (default <data dir>/audit-archive): AES-256-GCM
// in 64 KiB chunks (crypto/chunked_stream.hpp) under a random key per file,
// which is sealed with the organization's data key in audit_archives. Files,
// not database rows: the point is a live table that stops growing, and the
// files go to cold storage with the backups.
//
// The live chain then starts from a checkpoint (the last archived entry's
// seq and hash), and verify_archives() recomputes the chain through every
// archive up to that checkpoint, so `bulwark admin audit verify` proves both
// and names a missing or altered file.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace bulwark::audit {

std::string archive_dir(const std::string& data_dir);

struct ArchiveCounts {
  std::int64_t entries = 0;
  std::int64_t files = 0;
};

// Archives whole UTC months older than each organization's audit retention.
// Serialized per organization by its lock: of two instances at once, the
// second finds the work done. Each organization that archived something gets
// an audit entry "retention.audit_archived" with the counts.
ArchiveCounts archive_old_entries(store::Database& db, const std::string& dir, std::int64_t now_ms);

// Every organization's archives, oldest first, against its checkpoint.
std::vector<VerifyProblem> verify_archives(store::Database& db, const std::string& dir);

}  // namespace bulwark::audit
