#include "files/image.hpp"

#include <vips/vips.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace bulwark::files {

namespace {

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("bulwark") != 0) throw std::runtime_error("libvips: cannot initialise");
    // Nothing kept between requests: each image is decoded once.
    vips_cache_set_max(0);
  });
}

struct Unref {
  void operator()(VipsImage* i) const { g_object_unref(i); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};

// Saves `image` as `kind` with every piece of metadata stripped.
bool save(VipsImage* image, FileKind kind, std::string& out) {
  void* buf = nullptr;
  size_t len = 0;
  int rc = -1;
  switch (kind) {
    case FileKind::png: rc = vips_pngsave_buffer(image, &buf, &len, "strip", TRUE, nullptr); break;
    case FileKind::webp:
      rc = vips_webpsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 85, nullptr);
      break;
    case FileKind::jpeg:
    case FileKind::heic:  // HEIC out as JPEG
    case FileKind::pdf:
      rc = vips_jpegsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 85, nullptr);
      break;
  }
  std::unique_ptr<void, GFree> owned(buf);
  if (rc != 0) return false;
  out.assign(static_cast<const char*>(buf), len);
  return true;
}

}  // namespace

Expected<Reencoded, std::string_view> reencode_image(std::string_view bytes, FileKind kind) {
  init_vips();
  // Sequential access: the loader reads the header now and the pixels only
  // when they are asked for, so the size check below costs no decoding.
  Image header(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                          VIPS_ACCESS_SEQUENTIAL, nullptr));
  if (!header) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  const long long pixels = static_cast<long long>(vips_image_get_width(header.get())) *
                           vips_image_get_height(header.get());
  if (pixels > kMaxPixels || pixels <= 0) return unexpected(std::string_view("image_too_large"));
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  const std::string_view loader_name = loader ? loader : "";
  const bool loader_matches =
      (kind == FileKind::jpeg && loader_name.starts_with("VipsForeignLoadJpeg")) ||
      (kind == FileKind::png && loader_name.starts_with("VipsForeignLoadPng")) ||
      (kind == FileKind::webp && loader_name.starts_with("VipsForeignLoadWebp")) ||
      (kind == FileKind::heic && loader_name.starts_with("VipsForeignLoadHeif"));
  if (!loader_matches) return unexpected(std::string_view("unsupported_type"));

  // Now decode (random access: turning needs it), then turn the picture the
  // way its EXIF orientation says before the EXIF goes.
  Image full(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  VipsImage* rotated = nullptr;
  if (!full || vips_autorot(full.get(), &rotated, nullptr) != 0) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  Image upright(rotated);
  Reencoded out;
  const FileKind out_kind = kind == FileKind::heic ? FileKind::jpeg : kind;
  if (!save(upright.get(), out_kind, out.data)) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  out.mime = std::string(mime_of(out_kind));
  // The thumbnail from the clean copy, not from the upload.
  VipsImage* thumb = nullptr;
  if (vips_thumbnail_buffer(out.data.data(), out.data.size(), &thumb, kThumbnailSize, "height",
                            kThumbnailSize, nullptr) != 0) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  Image small(thumb);
  if (!save(small.get(), FileKind::jpeg, out.thumbnail)) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  return out;
}

Expected<std::string, std::string_view> logo_png(std::string_view clean_image) {
  init_vips();
  VipsImage* fitted = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(clean_image.data()), clean_image.size(), &fitted,
                            kLogoWidth, "height", kLogoHeight, "size", VIPS_SIZE_DOWN,
                            nullptr) != 0) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  Image logo(fitted);
  std::string png;
  if (!save(logo.get(), FileKind::png, png)) {
    vips_error_clear();
    return unexpected(std::string_view("unsupported_type"));
  }
  return png;
}

}  // namespace bulwark::files
