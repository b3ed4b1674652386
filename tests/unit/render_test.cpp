// The PDF builder (src/render/): where a table breaks across pages (the
// header row repeated, rows never split), the JPEG size read for embedding,
// money and page size, the named font, and a long table's page count.
#include <gtest/gtest.h>

#include <string_view>

#include "render/document.hpp"
#include "render/format.hpp"
#include "render/jpeg_size.hpp"
#include "render/pagination.hpp"

// Fontconfig loads its configuration and font list once and keeps them for
// the life of the process: LeakSanitizer (the ASan unit-test stage) reports
// them at exit. Only that library's allocations are exempt.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT: the sanitizer's hook
  return "leak:libfontconfig.so\n";
}

namespace {

using namespace bulwark;
using render::TableSlice;

std::vector<std::pair<std::size_t, std::size_t>> ranges(const std::vector<TableSlice>& slices) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(slices.size());
  for (const auto& s : slices) out.emplace_back(s.first, s.end);
  return out;
}

TEST(RenderTable, FitsOnTheCurrentPage) {
  const auto s = render::paginate({10, 10, 10}, 12, 100, 700);
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].first, 0U);
  EXPECT_EQ(s[0].end, 3U);
  EXPECT_FALSE(s[0].new_page);
}

TEST(RenderTable, BreaksBetweenRowsAndRepeatsTheHeaderOnEachPage) {
  // 100 points left: header 20 + 4 rows of 20 = 100; the 5th row goes over.
  // A fresh page holds 20 + 8 * 20 = 180 of 190.
  const std::vector<double> rows(20, 20);
  const auto s = render::paginate(rows, 20, 100, 190);
  const std::vector<std::pair<std::size_t, std::size_t>> want{{0, 4}, {4, 12}, {12, 20}};
  EXPECT_EQ(ranges(s), want);
  EXPECT_FALSE(s[0].new_page);
  EXPECT_TRUE(s[1].new_page);
  EXPECT_TRUE(s[2].new_page);
}

TEST(RenderTable, StartsOnAFreshPageWhenNotEvenOneRowFitsUnderTheHeader) {
  const auto s = render::paginate({30, 30}, 20, 40, 500);
  ASSERT_EQ(s.size(), 1U);
  EXPECT_TRUE(s[0].new_page);
  EXPECT_EQ(s[0].end, 2U);
}

TEST(RenderTable, ARowTallerThanAPageGetsAPageOfItsOwn) {
  const auto s = render::paginate({10, 900, 10}, 10, 500, 400);
  const std::vector<std::pair<std::size_t, std::size_t>> want{{0, 1}, {1, 2}, {2, 3}};
  EXPECT_EQ(ranges(s), want);
}

TEST(RenderTable, WithoutHeaderAndWithoutRows) {
  EXPECT_TRUE(render::paginate({}, 20, 100, 700).empty());
  const auto s = render::paginate({50, 50, 50}, 0, 100, 100);
  const std::vector<std::pair<std::size_t, std::size_t>> want{{0, 2}, {2, 3}};
  EXPECT_EQ(ranges(s), want);
}

TEST(RenderJpeg, ReadsTheFrameSizeAndRefusesWhatIsNoJpeg) {
  // SOI, an APP0 segment of 16 bytes, SOF0 (precision 8, height 48, width 64).
  std::string jpeg{"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20};
  jpeg += std::string{"\xFF\xC0\x00\x11\x08\x00\x30\x00\x40\x03", 10};
  const auto size = render::jpeg_size(jpeg);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 64);
  EXPECT_EQ(size->height, 48);
  EXPECT_FALSE(render::jpeg_size("\x89PNG\r\n\x1a\n"));
  EXPECT_FALSE(render::jpeg_size(jpeg.substr(0, 24)));  // cut in the frame header
  EXPECT_FALSE(render::jpeg_size(""));
}

TEST(RenderFormat, MoneyInIntegerCents) {
  EXPECT_EQ(render::money(123456, "usd"), "$1,234.56");
  EXPECT_EQ(render::money(5, "USD"), "$0.05");
  EXPECT_EQ(render::money(-500, "USD"), "-$5.00");
  EXPECT_EQ(render::money(1200, "EUR"), "€12.00");
  EXPECT_EQ(render::money(100000000, "CHF"), "CHF 1,000,000.00");
  EXPECT_EQ(render::money(INT64_MIN, "USD"), "-$92,233,720,368,547,758.08");
  EXPECT_EQ(render::long_date("America/New_York", 1796230800000), "Dec 2, 2026");
}

TEST(RenderPage, LetterWhereItIsThePaperA4Elsewhere) {
  EXPECT_EQ(render::page_size_for_time_zone("America/Chicago"), render::PageSize::letter);
  EXPECT_EQ(render::page_size_for_time_zone("America/Toronto"), render::PageSize::letter);
  EXPECT_EQ(render::page_size_for_time_zone("America/Sao_Paulo"), render::PageSize::a4);
  EXPECT_EQ(render::page_size_for_time_zone("Europe/Paris"), render::PageSize::a4);
  EXPECT_EQ(render::page_size_for_time_zone("UTC"), render::PageSize::a4);
}

TEST(RenderFont, TheNamedFontIsInstalled) {
  // fonts-dejavu-core (scripts/install-deps.sh): otherwise fontconfig would
  // substitute another family and the documents would differ per machine.
  EXPECT_EQ(render::resolved_font_family(), "DejaVu Sans");
}

// "/Type /Page" not followed by "s" (that is the /Pages tree node). A plain
// search, not std::regex: GCC 12 under ASan warns (-Wmaybe-uninitialized,
// a false positive inside <regex>) and the build has -Werror.
std::size_t pages_of(const std::string& pdf) {
  constexpr std::string_view kPage = "/Type /Page";
  std::size_t count = 0;
  for (auto at = pdf.find(kPage); at != std::string::npos; at = pdf.find(kPage, at + 1))
    if (at + kPage.size() < pdf.size() && pdf[at + kPage.size()] != 's') ++count;
  return count;
}

TEST(RenderDocument, ALongTableRunsOverPagesAndEveryPageIsNumbered) {
  render::Document doc(render::PageSize::letter, "Test");
  doc.title("Invoice INV-1042 — Zoë Müller");
  std::vector<std::vector<std::string>> rows;
  rows.reserve(120);
  for (int i = 0; i < 120; ++i) rows.push_back({"Line " + std::to_string(i), "1", "$1.00"});
  doc.table({{"Description", 4}, {"Qty", 1, render::Align::right}, {"Amount", 1}}, rows);
  const auto pdf = doc.finish();
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  // A row is about 19.6 points (10-point text and its padding): a Letter
  // page's body holds the header and 33 rows, so 120 rows need four pages.
  EXPECT_EQ(pages_of(pdf), 4U);
}

TEST(RenderDocument, ShortDocumentIsOnePage) {
  render::Document doc(render::PageSize::a4, "Short");
  doc.text("Hello € ✓ façade");
  EXPECT_EQ(pages_of(doc.finish()), 1U);
}

}  // namespace
