#include "domain/privacy/org_export_requests.hpp"

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include "audit/audit_log.hpp"
#include "domain/privacy/org_export.hpp"
#include "jobs/outbox.hpp"

namespace bulwark::domain::privacy {

struct OrgExportRow {
  std::int64_t id = 0;
  std::string status;
  std::int64_t tables_done = 0, tables_total = 0, rows_done = 0, files = 0, size_bytes = 0;
  std::int64_t requested_by = 0;
  std::optional<std::string> requested_by_name;
  std::string row_key;
  std::optional<std::string> error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> ready_at, expires_at;
};
BOOST_DESCRIBE_STRUCT(OrgExportRow, (),
                      (id, status, tables_done, tables_total, rows_done, files, size_bytes,
                       requested_by, requested_by_name, row_key, error, created_at, ready_at,
                       expires_at))

struct ChunkRow {
  std::string data;
};
BOOST_DESCRIBE_STRUCT(ChunkRow, (), (data))

namespace {

using store::OrgSql;

constexpr OrgSql kInsert(
    "INSERT INTO org_exports (org_id, requested_by, status, row_key, created_at) "
    "VALUES ($1, $2, 'queued', $3, $4) RETURNING id");
constexpr OrgSql kOne(
    "SELECT e.id, e.status, e.tables_done, e.tables_total, e.rows_done, e.files, e.size_bytes, "
    "e.requested_by, u.name AS requested_by_name, e.row_key, e.error, e.created_at, e.ready_at, "
    "e.expires_at FROM org_exports e LEFT JOIN users u ON u.org_id = $1 AND u.id = e.requested_by "
    "WHERE e.org_id = $1 AND e.id = $2");
// Expired archives go: the sealed bytes of a link nobody can use any more.
constexpr OrgSql kDropExpired(
    "DELETE FROM org_export_chunks WHERE org_id = $1 AND export_id IN "
    "(SELECT id FROM org_exports WHERE org_id = $1 AND status = 'ready' AND expires_at <= $2)");
constexpr OrgSql kClaim(
    "UPDATE org_exports SET status = 'running' WHERE org_id = $1 AND id = $2 "
    "AND status IN ('queued', 'running')");
constexpr OrgSql kProgress(
    "UPDATE org_exports SET tables_done = $3, tables_total = $4, rows_done = $5 "
    "WHERE org_id = $1 AND id = $2 AND status = 'running'");
constexpr OrgSql kDropChunks("DELETE FROM org_export_chunks WHERE org_id = $1 AND export_id = $2");
constexpr OrgSql kPutChunk(
    "INSERT INTO org_export_chunks (org_id, export_id, seq, data) VALUES ($1, $2, $3, $4)");
constexpr OrgSql kReady(
    "UPDATE org_exports SET status = 'ready', tables_done = $3, tables_total = $3, rows_done = $4, "
    "files = $5, size_bytes = $6, ready_at = $7, expires_at = $8 "
    "WHERE org_id = $1 AND id = $2 AND status = 'running'");
constexpr OrgSql kFailed(
    "UPDATE org_exports SET status = 'failed', error = $3 WHERE org_id = $1 AND id = $2 "
    "AND status IN ('queued', 'running')");
constexpr OrgSql kChunks(
    "SELECT data FROM org_export_chunks WHERE org_id = $1 AND export_id = $2 ORDER BY seq");

// Text chunks of the sealed envelope (base64), 1 MiB each.
constexpr std::size_t kChunkChars = 1024 * 1024;
// The sealed archive's associated data: this table, this column, this row.
constexpr std::string_view kTable = "org_exports", kColumn = "archive";

ApiError no_such_export() { return ApiError(ErrorCode::not_found, "no such export"); }

bool expired(const OrgExportRow& r, std::int64_t now) {
  return r.status == "ready" && r.expires_at && now >= *r.expires_at;
}

OrgExportView view(const OrgExportRow& r, std::int64_t now) {
  OrgExportView v;
  v.id = r.id;
  v.status = expired(r, now) ? "expired" : r.status;
  v.tables_done = r.tables_done;
  v.tables_total = r.tables_total;
  v.rows = r.rows_done;
  v.files = r.files;
  v.size_bytes = r.size_bytes;
  v.requested_by = r.requested_by;
  v.requested_by_name = r.requested_by_name;
  v.created_at.ms = r.created_at;
  if (r.ready_at) v.ready_at = resource::Time{*r.ready_at};
  if (r.expires_at) v.expires_at = resource::Time{*r.expires_at};
  if (v.status == "ready")
    v.download_url = "/api/v1/org/export/" + std::to_string(r.id) + "/download";
  v.error = r.error;
  return v;
}

void system_audit(store::Connection& conn, std::int64_t org, std::string action, std::int64_t id,
                  std::vector<std::string> fields = {}) {
  audit::Entry e;
  e.org_id = org;
  e.actor_type = "system";
  e.action = std::move(action);
  e.target_type = "org_export";
  e.target_id = std::to_string(id);
  e.fields = std::move(fields);
  audit::append(conn, e);
}

}  // namespace

Expected<OrgExportView, ApiError> request_org_export(store::OrgTx& tx, const audit::Actor& by,
                                                     std::int64_t now) {
  drop_expired_org_exports(tx, now);
  const auto id =
      tx.run(kInsert, by.user_id.value_or(0), tx.new_row_key(), now).rows.at(0).integer(0);
  jobs::enqueue_job(tx.connection(), kOrgExportJob, {{"org_id", tx.org_id()}, {"export_id", id}},
                    "org-export-" + std::to_string(id), tx.org_id(), now);
  by.record(tx.connection(), "org.export_requested", "org_export", id);
  return view(*tx.one<OrgExportRow>(kOne, id), now);
}

Expected<OrgExportView, ApiError> org_export_status(store::OrgTx& tx, std::int64_t id,
                                                    std::int64_t now) {
  const auto r = tx.one<OrgExportRow>(kOne, id);
  if (!r) return unexpected(no_such_export());
  return view(*r, now);
}

Expected<ExportDownload, ApiError> download_org_export(store::OrgTx& tx, const audit::Actor& by,
                                                       std::int64_t id, std::int64_t now) {
  const auto r = tx.one<OrgExportRow>(kOne, id);
  if (!r) return unexpected(no_such_export());
  if (expired(*r, now))
    return unexpected(ApiError(ErrorCode::not_found,
                               "this download link expired 24 hours after the export was ready; "
                               "start a new export",
                               std::string(kExportExpired)));
  if (r->status != "ready")
    return unexpected(
        ApiError(ErrorCode::conflict, "the export is not ready yet", "export_not_ready"));
  std::string sealed;
  for (auto& c : tx.all<ChunkRow>(kChunks, id)) sealed += c.data;
  ExportDownload out{"organization-export-" + std::to_string(id) + ".zip",
                     tx.open(kTable, kColumn, r->row_key, sealed)};
  by.record(tx.connection(), "org.export_downloaded", "org_export", id);
  return out;
}

void drop_expired_org_exports(store::OrgTx& tx, std::int64_t now) { tx.run(kDropExpired, now); }

bool run_org_export(store::Database& db, const store::BlobStore& blobs, std::int64_t org,
                    std::int64_t id, std::int64_t now) {
  const auto row = store::in_org(db, org, [&](store::OrgTx& tx) {
    const bool claimed = tx.run(kClaim, id).affected > 0;
    return claimed ? tx.one<OrgExportRow>(kOne, id) : std::nullopt;
  });
  if (!row) return true;  // finished, failed or unknown: nothing to do
  try {
    // Read without a write transaction (SQLite's would block the progress
    // updates); each table is one statement.
    std::int64_t rows = 0;
    auto archive = store::read_org(db, org, [&](store::OrgTx& tx) {
      return build_org_export(tx, blobs, now, [&](const ExportProgress& p) {
        if (p.table != "files") rows += p.rows;
        store::in_org(db, org, [&](store::OrgTx& w) {
          w.run(kProgress, id, std::int64_t{p.tables_done}, std::int64_t{p.tables_total}, rows);
        });
      });
    });
    store::in_org(db, org, [&](store::OrgTx& tx) {
      const auto sealed = tx.seal(kTable, kColumn, row->row_key, archive.zip);
      tx.run(kDropChunks, id);
      for (std::size_t at = 0, seq = 0; at < sealed.size(); at += kChunkChars, ++seq)
        tx.run(kPutChunk, id, static_cast<std::int64_t>(seq), sealed.substr(at, kChunkChars));
      tx.run(kReady, id, std::int64_t{archive.tables}, archive.rows, archive.files,
             static_cast<std::int64_t>(archive.zip.size()), now, now + kOrgExportLifetimeMs);
      system_audit(tx.connection(), org, "org.export_ready", id, {"tables", "attachments"});
    });
    return true;
  } catch (const std::exception&) {
    // No message kept: it could name a value. The code says where to look.
    store::in_org(db, org, [&](store::OrgTx& tx) {
      tx.run(kFailed, id, std::string("build_failed"));
      system_audit(tx.connection(), org, "org.export_failed", id);
    });
    return false;
  }
}

}  // namespace bulwark::domain::privacy
