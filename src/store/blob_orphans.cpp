#include "store/blob_orphans.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <string_view>

#include "store/org_tx.hpp"

namespace bulwark::store {

namespace {

namespace fs = std::filesystem;

// A blob's row: the original under its key, its thumbnail as "<key>-thumb";
// an attachment's or a work request's photo (domain/requests/photos.cpp).
constexpr OrgSql kHasRow(
    "SELECT 1 FROM attachments WHERE org_id = $1 AND (blob_key = $2 OR "
    "(thumbnail_bytes IS NOT NULL AND blob_key || '-thumb' = $2)) LIMIT 1");
constexpr OrgSql kHasPhotoRow(
    "SELECT 1 FROM request_photos WHERE org_id = $1 AND (blob_key = $2 OR "
    "(thumbnail_bytes IS NOT NULL AND blob_key || '-thumb' = $2)) LIMIT 1");

std::int64_t modified_ms(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return INT64_MAX;  // gone already: leave it
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

// <data dir>/attachments/<org id>: a directory name that is an org id.
std::int64_t org_of(const fs::path& dir) {
  const auto name = dir.filename().string();
  if (name.empty() || name.size() > 18) return 0;
  std::int64_t id = 0;
  for (char c : name) {
    if (c < '0' || c > '9') return 0;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace

std::int64_t remove_orphan_blobs(Database& db, const std::string& data_dir, std::int64_t now_ms) {
  if (db.engine() != Engine::sqlite) return 0;
  const auto root = fs::path(data_dir) / "attachments";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return 0;
  std::int64_t removed = 0;
  for (const auto& org_dir : fs::directory_iterator(root, ec)) {
    const auto org = org_of(org_dir.path());
    if (org == 0 || !org_dir.is_directory(ec)) continue;
    for (const auto& file : fs::directory_iterator(org_dir.path(), ec)) {
      if (!file.is_regular_file(ec)) continue;
      if (modified_ms(file.path()) > now_ms - kOrphanBlobAgeMs) continue;
      const auto name = file.path().filename().string();
      // An abandoned temporary file, or a blob no row names.
      const bool temporary = name.find(".tmp-") != std::string::npos;
      if (!temporary && read_org(db, org, [&](OrgTx& tx) {
            return !tx.run(kHasRow, name).empty() || !tx.run(kHasPhotoRow, name).empty();
          }))
        continue;
      if (fs::remove(file.path(), ec)) ++removed;
    }
  }
  return removed;
}

}  // namespace bulwark::store
