#pragma once
// The erasure ledger (issue 13 item 6): one JSON line per erased customer,
// appended to <dir>/erasure-ledger.jsonl outside the database, so that a
// restore of an older backup can replay it and an erased customer does not
// come back. Ids and the time only: never a name, phone or address.
#include <cstdint>
#include <string>
#include <vector>

namespace bulwark::privacy {

struct LedgerEntry {
  std::int64_t org_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t erased_at_ms = 0;
};

// BULWARK_BACKUP_DIR when set, else <data dir>/backups (where backups live).
std::string ledger_dir(const std::string& data_dir);
std::string ledger_path(const std::string& dir);

// Appends one line and fsyncs the file (and the directory on first write).
// Throws std::runtime_error when the file cannot be written: the caller's
// transaction then rolls back, so no erasure goes unrecorded.
void append(const std::string& dir, const LedgerEntry& entry);

// Every entry in file order; a torn last line (a crash mid-write) is skipped.
std::vector<LedgerEntry> read_all(const std::string& dir);

}  // namespace bulwark::privacy
