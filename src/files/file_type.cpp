#include "files/file_type.hpp"

#include <magic.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace bulwark::files {

namespace {

struct MagicDeleter {
  void operator()(magic_set* m) const { magic_close(m); }
};

// A libmagic cookie is not safe to share between threads: one per handler
// thread, loaded with the system database on first use.
magic_set* cookie() {
  thread_local std::unique_ptr<magic_set, MagicDeleter> m = [] {
    std::unique_ptr<magic_set, MagicDeleter> c(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR));
    if (!c || magic_load(c.get(), nullptr) != 0)
      throw std::runtime_error("libmagic: cannot load the magic database");
    return c;
  }();
  return m.get();
}

}  // namespace

std::optional<FileKind> detect_kind(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  const char* found = magic_buffer(cookie(), bytes.data(), bytes.size());
  if (!found) return std::nullopt;
  const std::string_view mime(found);
  if (mime == "image/jpeg") return FileKind::jpeg;
  if (mime == "image/png") return FileKind::png;
  if (mime == "image/webp") return FileKind::webp;
  if (mime == "image/heic" || mime == "image/heif") return FileKind::heic;
  if (mime == "application/pdf") return FileKind::pdf;
  return std::nullopt;
}

std::string_view mime_of(FileKind kind) {
  switch (kind) {
    case FileKind::jpeg: return "image/jpeg";
    case FileKind::png: return "image/png";
    case FileKind::webp: return "image/webp";
    case FileKind::heic: return "image/heic";
    case FileKind::pdf: return "application/pdf";
  }
  return "application/octet-stream";
}

bool is_image(FileKind kind) { return kind != FileKind::pdf; }

}  // namespace bulwark::files
