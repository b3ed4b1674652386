#include "render/jpeg_size.hpp"

#include <cstdint>

namespace bulwark::render {

namespace {

unsigned byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }
unsigned be16(std::string_view s, std::size_t i) {
  return (byte_at(s, i) << 8U) | byte_at(s, i + 1);
}

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share
// the range but are not frames.
bool is_frame(unsigned marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

}  // namespace

std::optional<PixelSize> jpeg_size(std::string_view jpeg) {
  if (jpeg.size() < 4 || byte_at(jpeg, 0) != 0xFF || byte_at(jpeg, 1) != 0xD8) return std::nullopt;
  std::size_t i = 2;
  while (i + 4 <= jpeg.size()) {
    if (byte_at(jpeg, i) != 0xFF) return std::nullopt;
    const unsigned marker = byte_at(jpeg, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      i += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end, or scan before a frame
    const unsigned length = be16(jpeg, i + 2);
    if (length < 2) return std::nullopt;
    if (is_frame(marker)) {
      // FFCn, length, precision, height, width.
      if (i + 9 > jpeg.size()) return std::nullopt;
      const PixelSize size{static_cast<int>(be16(jpeg, i + 7)),
                           static_cast<int>(be16(jpeg, i + 5))};
      if (size.width == 0 || size.height == 0) return std::nullopt;
      return size;
    }
    i += 2 + length;
  }
  return std::nullopt;
}

}  // namespace bulwark::render
