#pragma once
// A small document builder for the PDFs an office sends (the invoice, the
// pump-out report): a title, text, tables whose header row repeats on every
// page they continue on, thumbnails, and "Page 1 of 2" at the foot of each
// page. Cairo and Pango stay in src/render/ (scripts/check-layers.sh): the
// callers see only this header.
//
// The font is named, not left to the machine: "DejaVu Sans" through
// fontconfig (Debian fonts-dejavu-core, installed by scripts/install-deps.sh),
// so a document's text and line breaks are the same on every install. Text
// is laid out by Pango (any Unicode the font covers: accents, €, ✓).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::render {

enum class PageSize { a4, letter };

// Letter where it is the paper in use (the US, Canada, Mexico, the
// Philippines...: read from the organization's time zone, since an
// organization records no country), A4 everywhere else.
PageSize page_size_for_time_zone(std::string_view zone);

inline constexpr std::string_view kFontFamily = "DejaVu Sans";

// The family fontconfig gives for kFontFamily on this machine ("DejaVu
// Sans" when the font is installed; something else means the documents
// would come out in a fallback font).
std::string resolved_font_family();

enum class Align { left, center, right };
enum class Style { normal, bold, small, heading, title };

struct Column {
  std::string heading;
  double share = 1;  // of the text width, relative to the other columns
  Align align = Align::left;
};

// A thumbnail to show: JPEG bytes (embedded as they are) and a caption.
struct Picture {
  std::string jpeg;
  std::string caption;
};

// A finished document as the API serves it.
struct PdfFile {
  std::string filename;  // "invoice-1042.pdf": ASCII, no quotes
  std::string bytes;
};

class Document {
 public:
  // `title` also goes into the PDF's metadata.
  Document(PageSize size, std::string_view title);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  void title(std::string_view text);
  void text(std::string_view text, Style style = Style::normal, Align align = Align::left);
  void space(double points);
  // Rows of cells, one per column. Without a header row: a block of
  // label/value pairs, the totals; `bold_rows` (indexes) stand out.
  struct TableStyle {
    bool header = true;
    std::vector<std::size_t> bold_rows{};
  };
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             const TableStyle& style);
  void table(const std::vector<Column>& columns,
             const std::vector<std::vector<std::string>>& rows) {
    table(columns, rows, TableStyle{});
  }
  // An organization's logo: PNG bytes drawn at the left, scaled down to fit
  // `max_width` x `max_height` points (at most one pixel per point, so a
  // small logo is not blown up). Bytes that are not a PNG draw nothing.
  void logo(std::string_view png, double max_width = 180, double max_height = 60);
  // Thumbnails in a grid, each with its caption; one that is not a JPEG
  // is named by its caption only.
  void pictures(const std::vector<Picture>& pictures);

  // The PDF: every page with its "Page i of n". The document is spent.
  std::string finish();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace bulwark::render
