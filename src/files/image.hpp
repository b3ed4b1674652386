#pragma once
// Images are decoded and encoded again (libvips) before they are stored: the
// copy keeps the pixels and nothing else, so metadata (EXIF, GPS position,
// XMP, comments) is gone and a polyglot file (an image that is also HTML or
// a ZIP) loses its payload. HEIC comes in, JPEG goes out (browsers cannot
// show HEIC). The size is read from the header first: over kMaxPixels is
// refused before any pixel is decoded (decompression bombs).
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "files/file_type.hpp"

namespace bulwark::files {

inline constexpr long long kMaxPixels = 40'000'000;
inline constexpr int kThumbnailSize = 320;

struct Reencoded {
  std::string data;       // the clean image
  std::string mime;       // its type (image/jpeg for HEIC input)
  std::string thumbnail;  // a JPEG, at most kThumbnailSize on its longer side
};

// Error reasons: "image_too_large" (over kMaxPixels), "unsupported_type" (the
// bytes do not decode as the kind libmagic named).
Expected<Reencoded, std::string_view> reencode_image(std::string_view bytes, FileKind kind);

// An organization's logo for its documents: an image that already passed
// reencode_image, made at most kLogoWidth x kLogoHeight pixels (never
// enlarged) and written as a PNG with nothing but pixels (transparency
// kept: a logo is often drawn on none). Error reason "unsupported_type".
inline constexpr int kLogoWidth = 600, kLogoHeight = 240;
Expected<std::string, std::string_view> logo_png(std::string_view clean_image);

}  // namespace bulwark::files
