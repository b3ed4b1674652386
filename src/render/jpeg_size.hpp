#pragma once
// The pixel size of a JPEG from its frame header (SOFn marker), without
// decoding it: the PDF embeds the JPEG bytes as they are (DCTDecode), so
// the renderer needs only the size to place it.
#include <optional>
#include <string_view>

namespace bulwark::render {

struct PixelSize {
  int width = 0;
  int height = 0;
};

// nullopt when the bytes are not a JPEG or its header is cut short.
std::optional<PixelSize> jpeg_size(std::string_view jpeg);

}  // namespace bulwark::render
