#pragma once
// Attachments: photos, PDFs and signatures on a work order or an asset
// (MUST-007). The metadata row and its view; the bytes are in the blob store
// (store/blob_store.hpp).
#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "resource/fields.hpp"
#include "resource/schema.hpp"
#include "store/personal.hpp"

namespace bulwark::domain::attachments {

using resource::Time;

// An attachments row. The file name and caption are personal ("smith-gate.jpg"):
// sealed under row_key (issue 13). row_key is '' and blob_format 0 on a row
// written before migration 0021 and not yet sealed by the upgrade pass
// (privacy/seal_plain_attachments.cpp): its name, caption and bytes are plain.
struct AttachmentRow {
  std::int64_t id = 0;
  std::string owner_kind;  // work_order | asset
  std::int64_t owner_id = 0;
  std::int64_t uploaded_by = 0;
  std::string row_key;
  store::Personal<std::string> original_name;
  std::string mime;
  std::int64_t size_bytes = 0;
  std::string sha256;
  store::Personal<std::string> caption;
  std::string blob_key;
  std::optional<std::int64_t> thumbnail_bytes;
  std::int64_t blob_format = 0;
  std::int64_t created_at = 0;
};
BOOST_DESCRIBE_STRUCT(AttachmentRow, (),
                      (id, owner_kind, owner_id, uploaded_by, row_key, original_name, mime,
                       size_bytes, sha256, caption, blob_key, thumbnail_bytes, blob_format,
                       created_at))

// blob_format: how the bytes under blob_key (and its thumbnail) are stored.
inline constexpr std::int64_t kBlobPlain = 0;   // before migration 0021
inline constexpr std::int64_t kBlobSealed = 1;  // one AES-256-GCM envelope per file

// What a client sees: the file's sanitised name is for display only; `url`
// downloads the stored file (an image as re-encoded), `thumbnail_url` a small
// JPEG of an image.
struct AttachmentView {
  std::int64_t id = 0;
  std::string owner_kind;
  std::int64_t owner_id = 0;
  std::int64_t uploaded_by = 0;
  std::string original_name, mime;
  std::int64_t size_bytes = 0;
  std::string sha256, caption;
  Time created_at;
  std::string url;
  std::optional<std::string> thumbnail_url;
};
BULWARK_RESOURCE(AttachmentView, id, owner_kind, owner_id, uploaded_by, original_name, mime,
                 size_bytes, sha256, caption, created_at, url, thumbnail_url)

// The owner an attachment hangs on.
struct Owner {
  std::string kind;  // work_order | asset
  std::int64_t id = 0;
};

// A file that passed every check, ready to store.
struct Checked {
  std::string original_name;  // sanitised
  std::string mime;
  std::string data;  // as stored: the re-encoded image, or the PDF as uploaded
  std::optional<std::string> thumbnail;
  std::string caption;
};

// One download.
struct Content {
  std::string mime;
  std::string data;
  std::string original_name;
  bool inline_ok = false;  // an image we encoded ourselves may be shown inline
};

}  // namespace bulwark::domain::attachments
