#include "privacy/zip_writer.hpp"

#include <zip.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace bulwark::privacy {

namespace {

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("zip: ") + what); }

}  // namespace

std::string build_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into this buffer source, kept alive past zip_close.
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!out) fail("cannot create a buffer");
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(out);
    fail("cannot open the archive");
  }
  zip_source_keep(out);
  for (const auto& e : entries) {
    // The entries outlive zip_close, so libzip may read them without a copy.
    zip_source_t* src = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
    if (!src ||
        zip_file_add(archive, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (src) zip_source_free(src);
      zip_discard(archive);
      zip_source_free(out);
      fail("cannot add an entry");
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    zip_source_free(out);
    fail("cannot write the archive");
  }
  std::string bytes;
  if (zip_source_open(out) < 0) {
    zip_source_free(out);
    fail("cannot read the archive back");
  }
  zip_source_seek(out, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    if (zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size)) != size) {
      zip_source_close(out);
      zip_source_free(out);
      fail("short read");
    }
  }
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

std::string zip_entry_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out.empty() ? "file" : out;
}

}  // namespace bulwark::privacy
