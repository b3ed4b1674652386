#include "audit/archive.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "audit/archive_file.hpp"
#include "logging/log.hpp"
#include "store/org_lock.hpp"
#include "store/org_tx.hpp"

namespace bulwark::audit {

namespace {

using store::CrossTenantSql;
using store::OrgSql;

constexpr std::int64_t kYearMs = 31'557'600'000;  // 365.25 days
constexpr std::int64_t kPage = 5000;              // entries per organization and sweep

constexpr CrossTenantSql kDueOrgs(
    "SELECT o.id FROM orgs o WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.org_id = o.id "
    "AND a.at < CAST($1 AS BIGINT) - o.audit_retention_years * 31557600000) ORDER BY o.id");
constexpr CrossTenantSql kArchivedOrgs(
    "SELECT DISTINCT org_id FROM audit_checkpoints ORDER BY org_id");
constexpr OrgSql kYears("SELECT audit_retention_years FROM orgs WHERE id = $1");
constexpr OrgSql kCheckpoint("SELECT seq, hash FROM audit_checkpoints WHERE org_id = $1");
constexpr OrgSql kEntries(
    "SELECT id, org_id, seq, at, actor_type, actor_id, action, target_type, target_id, ip, "
    "outcome, fields, prev_hash, hash FROM audit_log WHERE org_id = $1 AND seq > $2 "
    "ORDER BY seq LIMIT $3");
constexpr OrgSql kInsertArchive(
    "INSERT INTO audit_archives (org_id, first_seq, last_seq, month, file, entries, last_hash, "
    "row_key, file_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
constexpr OrgSql kSetCheckpoint(
    "INSERT INTO audit_checkpoints (org_id, seq, hash, updated_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
    "updated_at = excluded.updated_at");
// The migration's trigger lets only checkpointed rows go.
constexpr OrgSql kDeleteArchived("DELETE FROM audit_log WHERE org_id = $1 AND seq <= $2");
constexpr OrgSql kArchives(
    "SELECT first_seq, last_seq, file, entries, last_hash, row_key, file_key "
    "FROM audit_archives WHERE org_id = $1 ORDER BY first_seq");

using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

std::chrono::year_month_day day_of(std::int64_t ms) {
  return std::chrono::year_month_day(
      std::chrono::sys_days(std::chrono::floor<Days>(std::chrono::milliseconds(ms))));
}

// "2024-03" for an instant (UTC).
std::string month_of(std::int64_t ms) {
  const auto d = day_of(ms);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()));
  return out;
}

// The first instant of the UTC month holding `ms`.
std::int64_t month_start(std::int64_t ms) {
  const auto d = day_of(ms);
  const std::chrono::sys_days first{d.year() / d.month() / 1};
  return std::chrono::duration_cast<std::chrono::milliseconds>(first.time_since_epoch()).count();
}

struct Checkpoint {
  std::int64_t seq = 0;
  std::string hash = kGenesisHash;
};

Checkpoint checkpoint_of(store::OrgTx& tx) {
  const auto r = tx.run(kCheckpoint);
  if (r.empty()) return {};
  return {r.rows[0].integer(0), r.rows[0].text(1)};
}

ArchiveCounts archive_org(store::Database& db, std::int64_t org, const std::string& dir,
                          std::int64_t now) {
  return store::in_org(db, org, [&](store::OrgTx& tx) {
    // Appends and other sweepers wait: the chain head cannot move meanwhile.
    store::lock_org_for_update(tx.connection(), org);
    ArchiveCounts counts;
    const auto years = tx.run(kYears).rows.at(0).integer(0);
    const auto boundary = month_start(now - years * kYearMs);
    auto cp = checkpoint_of(tx);
    std::vector<Record> run;
    const auto flush = [&] {
      if (run.empty()) return;
      const auto key_hex = write_archive_file(dir, org, month_of(run.front().at_ms), run);
      const auto row_key = tx.new_row_key();
      tx.run(kInsertArchive, run.front().seq, run.back().seq, month_of(run.front().at_ms),
             archive_file_name(org, month_of(run.front().at_ms), run.front().seq),
             static_cast<std::int64_t>(run.size()), run.back().hash, row_key,
             tx.seal("audit_archives", "file_key", row_key, key_hex), now);
      counts.entries += static_cast<std::int64_t>(run.size());
      ++counts.files;
      cp = {run.back().seq, run.back().hash};
      run.clear();
    };
    std::string prev = cp.hash;
    std::int64_t expected = cp.seq + 1;
    for (const auto& row : tx.run(kEntries, cp.seq, kPage).rows) {
      auto r = record_from_row(row);
      // Only a whole old month, and only an intact chain: a broken one stays
      // live for `audit verify` to report.
      if (r.at_ms >= boundary || r.seq != expected || r.prev_hash != prev ||
          chain_hash(prev, r) != r.hash)
        break;
      if (!run.empty() && month_of(r.at_ms) != month_of(run.front().at_ms)) flush();
      prev = r.hash;
      ++expected;
      run.push_back(std::move(r));
    }
    flush();
    if (counts.entries == 0) return counts;
    tx.run(kSetCheckpoint, cp.seq, cp.hash, now);
    tx.run(kDeleteArchived, cp.seq);
    Entry e;
    e.org_id = org;
    e.actor_type = "system";
    e.action = "retention.audit_archived";
    e.target_type = "org";
    e.target_id = std::to_string(org);
    e.fields = {"entries=" + std::to_string(counts.entries),
                "files=" + std::to_string(counts.files)};
    append(tx.connection(), e);
    return counts;
  });
}

}  // namespace

std::string archive_dir(const std::string& data_dir) {
  if (const char* d = std::getenv("BULWARK_AUDIT_ARCHIVE_DIR"); d && *d) return d;  // NOLINT
  return data_dir + "/audit-archive";
}

ArchiveCounts archive_old_entries(store::Database& db, const std::string& dir,
                                  std::int64_t now_ms) {
  ArchiveCounts total;
  for (const auto& row : db.query(kDueOrgs, {now_ms}).rows) {
    // One organization's failure (a key that does not open, a full disk)
    // rolls back its own transaction and leaves the others to be archived.
    try {
      const auto c = archive_org(db, row.integer(0), dir, now_ms);
      total.entries += c.entries;
      total.files += c.files;
    } catch (const std::exception& e) {
      logging::warn("audit archival failed", {{logging::Field::org_id, row.integer(0)},
                                              {logging::Field::reason, std::string(e.what())}});
    }
  }
  return total;
}

std::vector<VerifyProblem> verify_archives(store::Database& db, const std::string& dir) {
  std::vector<VerifyProblem> problems;
  for (const auto& org_row : db.query(kArchivedOrgs, {}).rows) {
    const auto org = org_row.integer(0);
    store::read_org(db, org, [&](store::OrgTx& tx) {
      const auto cp = checkpoint_of(tx);
      std::string prev = kGenesisHash;
      std::int64_t expected = 1;
      for (const auto& a : tx.run(kArchives).rows) {
        const auto file = a.text(2);
        // A key that does not open (lost master key, a moved row) is a
        // finding about this organization, not the end of the whole check.
        std::string key_hex;
        try {
          key_hex = tx.open("audit_archives", "file_key", a.text(5), a.text(6));
        } catch (const std::exception&) {
          problems.push_back({org, a.integer(0), 0, "archive " + file + ": its key does not open"});
          return;
        }
        auto records = read_archive_file((std::filesystem::path(dir) / file).string(), key_hex);
        if (!records) {
          problems.push_back({org, a.integer(0), 0, "archive " + file + ": " + records.error()});
          return;
        }
        for (const auto& r : *records) {
          std::string what;
          if (r.seq != expected)
            what = "sequence gap in the archive";
          else if (r.prev_hash != prev)
            what = "previous-hash mismatch in the archive";
          else if (chain_hash(prev, r) != r.hash)
            what = "hash mismatch: an archived entry was edited";
          if (!what.empty()) {
            problems.push_back(
                {org, r.seq, 0, std::string("archive ").append(file).append(": ").append(what)});
            return;
          }
          prev = r.hash;
          ++expected;
        }
        if (expected - 1 != a.integer(1) || prev != a.text(4)) {
          problems.push_back({org, a.integer(1), 0, "archive " + file + " is incomplete"});
          return;
        }
      }
      if (expected - 1 != cp.seq || prev != cp.hash)
        problems.push_back({org, cp.seq, 0, "the checkpoint does not follow from the archives"});
    });
  }
  return problems;
}

}  // namespace bulwark::audit
