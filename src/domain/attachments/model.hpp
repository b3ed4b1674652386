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

namespace bulwark::domain::attachments {

using resource::Time;

// An attachments row.
struct AttachmentRow {
  std::int64_t id = 0;
  std::string owner_kind;  // work_order | asset
  std::int64_t owner_id = 0;
  std::int64_t uploaded_by = 0;
  std::string original_name, mime;
  std::int64_t size_bytes = 0;
  std::string sha256, caption, blob_key;
  std::optional<std::int64_t> thumbnail_bytes;
  std::int64_t created_at = 0;
};
BOOST_DESCRIBE_STRUCT(AttachmentRow, (),
                      (id, owner_kind, owner_id, uploaded_by, original_name, mime, size_bytes,
                       sha256, caption, blob_key, thumbnail_bytes, created_at))

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
