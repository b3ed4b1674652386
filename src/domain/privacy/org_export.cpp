#include "domain/privacy/org_export.hpp"

#include <boost/json.hpp>
#include <optional>

#include "domain/privacy/org_export_tables.hpp"
#include "privacy/export_columns.hpp"
#include "privacy/zip_writer.hpp"

namespace bulwark::domain::privacy {

namespace {

namespace px = ::bulwark::privacy;

std::optional<std::size_t> column_index(const store::Result& r, std::string_view name) {
  for (std::size_t i = 0; i < r.columns.size(); ++i)
    if (r.columns[i] == name) return i;
  return std::nullopt;
}

// One row as a JSON object: secrets dropped, personal columns opened.
boost::json::object row_object(store::OrgTx& tx, std::string_view table, const store::Result& r,
                               const store::Row& row, std::optional<std::size_t> key_at) {
  boost::json::object o;
  const bool sealed = key_at && !row.is_null(*key_at);
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    const auto& name = r.columns[i];
    if (px::is_secret_column(name)) continue;
    if (row.is_null(i)) {
      o[name] = nullptr;
    } else if (sealed && px::is_personal(table, name)) {
      o[name] = tx.open(table, name, row.text(*key_at), row.text(i));
    } else {
      o[name] = row.text(i);
    }
  }
  return o;
}

struct FileRef {
  std::string blob_key;
  std::string path;
  std::string row_key;  // sealed blobs (blob_format 1) open with it
  bool sealed = false;
};

}  // namespace

OrgArchive build_org_export(store::OrgTx& tx, const store::BlobStore& blobs, std::int64_t now_ms,
                            const ExportProgressFn& progress) {
  OrgArchive out;
  std::vector<px::ZipEntry> entries;
  std::vector<FileRef> files;
  boost::json::object counts;
  const auto tables = org_export_tables();
  const int total = static_cast<int>(tables.size());
  for (const auto& t : tables) {
    const auto r = tx.run(t.sql);
    const auto key_at = column_index(r, "row_key");
    std::string lines;
    for (const auto& row : r.rows) {
      auto o = row_object(tx, t.name, r, row, key_at);
      if (t.name == "attachments") {
        const std::string id(o.at("id").as_string());
        const auto* name = o.if_contains("original_name");
        std::string path = "attachments/" + id + "-" +
                           bulwark::privacy::zip_entry_name(
                               name && name->is_string() ? name->as_string() : "file");
        o["file"] = path;
        const auto* format = o.if_contains("blob_format");
        const bool sealed = format && format->is_string() && format->as_string() == "1" && key_at &&
                            !row.is_null(*key_at);
        files.push_back({std::string(o.at("blob_key").as_string()), std::move(path),
                         sealed ? row.text(*key_at) : std::string(), sealed});
      }
      lines += boost::json::serialize(o);
      lines += '\n';
    }
    const auto n = static_cast<std::int64_t>(r.rows.size());
    counts[t.name] = n;
    out.rows += n;
    ++out.tables;
    entries.push_back({"tables/" + std::string(t.name) + ".jsonl", std::move(lines)});
    if (progress) progress({t.name, n, out.tables, total});
  }
  for (auto& f : files)
    if (auto bytes = f.sealed ? blobs.get_opened(tx, f.blob_key, {"attachments", "blob", f.row_key})
                              : blobs.get(tx, f.blob_key)) {
      entries.push_back({std::move(f.path), std::move(*bytes)});
      ++out.files;
    }
  if (progress) progress({"files", out.files, out.tables, total});
  boost::json::object manifest{{"format", "bulwark.org-export/1"},
                               {"org_id", tx.org_id()},
                               {"exported_at", now_ms},
                               {"tables", std::move(counts)},
                               {"files", out.files}};
  entries.insert(entries.begin(), {"manifest.json", boost::json::serialize(manifest)});
  out.zip = px::build_zip(entries);
  return out;
}

}  // namespace bulwark::domain::privacy
