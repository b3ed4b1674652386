#include "render/qr_svg.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

namespace bulwark::render {

namespace {

constexpr int kQuietZone = 4;  // modules of white around the code (ISO/IEC 18004)

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<std::string> qr_svg(std::string_view text) {
  const std::string input(text);  // libqrencode reads a NUL-terminated string
  // Version 0: the smallest that fits; case-sensitive 8-bit mode keeps the
  // token's letters as they are.
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) return std::nullopt;
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      // Bit 0 of each module byte is its colour (1 = dark).
      if (code->data[(y * width) + x] & 1)
        path += "M" + std::to_string(x + kQuietZone) + "," + std::to_string(y + kQuietZone) +
                "h1v1h-1z";
  // Drawn 8 px per module by default; the viewBox lets a label scale it.
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" width="{1}" height="{1}" )"
      R"(shape-rendering="crispEdges"><rect width="{0}" height="{0}" fill="#fff"/>)"
      R"(<path fill="#000" d="{2}"/></svg>)",
      size, size * 8, path);
}

}  // namespace bulwark::render
