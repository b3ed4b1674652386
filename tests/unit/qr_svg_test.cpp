// The QR label of a request link (src/render/qr_svg.cpp): a square SVG in
// module units with the quiet zone, the three finder patterns where the
// standard puts them, and the same code for the same text.
#include "render/qr_svg.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

int size_of(const std::string& svg) {
  const auto at = svg.find("viewBox=\"0 0 ");
  return std::stoi(svg.substr(at + 13));
}

bool dark(const std::string& svg, int x, int y) {
  return svg.find("M" + std::to_string(x) + "," + std::to_string(y) + "h1v1h-1z") !=
         std::string::npos;
}

}  // namespace

TEST(QrSvg, draws_a_square_code_with_quiet_zone_and_finder_patterns) {
  const std::string url = "https://bulwark.example/r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf";
  const auto svg = bulwark::render::qr_svg(url);
  ASSERT_TRUE(svg);
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg->ends_with("</svg>"));
  const int size = size_of(*svg);
  const int modules = size - 8;  // four modules of quiet zone on each side
  EXPECT_EQ((modules - 17) % 4, 0) << "a QR code is 17 + 4 * version modules wide";
  // Finder patterns: dark outer ring, light ring, dark 3x3 centre.
  for (auto [x0, y0] :
       {std::pair{4, 4}, std::pair{4 + modules - 7, 4}, std::pair{4, 4 + modules - 7}}) {
    EXPECT_TRUE(dark(*svg, x0, y0));
    EXPECT_FALSE(dark(*svg, x0 + 1, y0 + 1));
    EXPECT_TRUE(dark(*svg, x0 + 3, y0 + 3));
  }
  // The quiet zone stays light.
  EXPECT_FALSE(dark(*svg, 3, 4));
  EXPECT_FALSE(dark(*svg, 0, 0));
  EXPECT_EQ(svg, bulwark::render::qr_svg(url));
  EXPECT_NE(svg, bulwark::render::qr_svg(url + "x"));
}

TEST(QrSvg, refuses_text_too_long_for_a_qr_code) {
  EXPECT_FALSE(bulwark::render::qr_svg(std::string(8000, 'a')));
}
