// Tables and thumbnails of the document builder (document.hpp).
#include <algorithm>
#include <numeric>

#include "render/document_impl.hpp"
#include "render/jpeg_size.hpp"
#include "render/pagination.hpp"

namespace bulwark::render {

namespace {

struct Row {
  std::vector<Layout> cells;
  double height = 0;
};

void rule(Document::Impl& d, double top, double grey) {
  d.add([top, grey, w = d.content_width()](cairo_t* c) {
    cairo_set_source_rgb(c, grey, grey, grey);
    cairo_set_line_width(c, 0.5);
    cairo_move_to(c, kMargin, top);
    cairo_line_to(c, kMargin + w, top);
    cairo_stroke(c);
  });
}

void shade(Document::Impl& d, double top, double height) {
  d.add([top, height, w = d.content_width()](cairo_t* c) {
    cairo_set_source_rgb(c, 0.92, 0.92, 0.92);
    cairo_rectangle(c, kMargin, top, w, height);
    cairo_fill(c);
  });
}

void draw_row(Document::Impl& d, const Row& row, const std::vector<double>& lefts) {
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    d.draw_layout(row.cells[i], lefts[i] + kCellPad, d.y + kCellPad);
  d.y += row.height;
}

// A JPEG as a Cairo surface whose PDF output is the JPEG itself (DCTDecode):
// the pixels are never decoded.
std::shared_ptr<cairo_surface_t> jpeg_surface(const std::string& jpeg, PixelSize size) {
  std::shared_ptr<cairo_surface_t> s(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, size.height),
      cairo_surface_destroy);
  auto* bytes = new std::string(jpeg);  // NOLINT(cppcoreguidelines-owning-memory): Cairo frees it
  const auto status = cairo_surface_set_mime_data(
      s.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(bytes->data()),
      bytes->size(), [](void* p) { delete static_cast<std::string*>(p); }, bytes);
  if (status != CAIRO_STATUS_SUCCESS) {
    delete bytes;  // NOLINT(cppcoreguidelines-owning-memory)
    return nullptr;
  }
  return s;
}

}  // namespace

void Document::table(const std::vector<Column>& columns,
                     const std::vector<std::vector<std::string>>& rows, const TableStyle& style) {
  const bool header = style.header;
  auto& d = *impl_;
  if (columns.empty()) return;
  const double shares = std::accumulate(columns.begin(), columns.end(), 0.0,
                                        [](double s, const Column& c) { return s + c.share; });
  std::vector<double> lefts, widths;
  double x = kMargin;
  for (const auto& c : columns) {
    lefts.push_back(x);
    widths.push_back(d.content_width() * c.share / shares);
    x += widths.back();
  }
  auto make_row = [&](const std::vector<std::string>& cells, Style style) {
    Row row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string_view text = i < cells.size() ? std::string_view(cells[i]) : "";
      row.cells.push_back(
          d.layout(text, style, std::max(1.0, widths[i] - 2 * kCellPad), columns[i].align));
      row.height = std::max(row.height, Impl::height_of(row.cells.back()) + 2 * kCellPad);
    }
    return row;
  };
  Row head;
  if (header) {
    std::vector<std::string> headings;
    headings.reserve(columns.size());
    for (const auto& c : columns) headings.push_back(c.heading);
    head = make_row(headings, Style::bold);
  }
  std::vector<Row> body;
  std::vector<double> heights;
  body.reserve(rows.size());
  heights.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool bold =
        std::find(style.bold_rows.begin(), style.bold_rows.end(), i) != style.bold_rows.end();
    body.push_back(make_row(rows[i], bold ? Style::bold : Style::normal));
    heights.push_back(body.back().height);
  }
  for (const auto& slice : paginate(heights, head.height, d.space_left(), d.page_space())) {
    if (slice.new_page) d.new_page();
    if (header) {
      shade(d, d.y, head.height);
      draw_row(d, head, lefts);
    }
    for (std::size_t i = slice.first; i < slice.end; ++i) {
      draw_row(d, body[i], lefts);
      rule(d, d.y, 0.8);
    }
  }
  d.y += 6;
}

void Document::pictures(const std::vector<Picture>& pictures) {
  auto& d = *impl_;
  constexpr double kCell = 160, kImage = 150, kGap = 10;
  const auto per_row = std::max<std::size_t>(
      1, static_cast<std::size_t>((d.content_width() + kGap) / (kCell + kGap)));
  for (std::size_t first = 0; first < pictures.size(); first += per_row) {
    const auto end = std::min(pictures.size(), first + per_row);
    struct Placed {
      std::shared_ptr<cairo_surface_t> image;
      double scale = 0, w = 0, h = 0;
      Layout caption;
    };
    std::vector<Placed> placed;
    double row_height = 0;
    for (auto i = first; i < end; ++i) {
      Placed p;
      if (const auto size = jpeg_size(pictures[i].jpeg)) {
        p.image = jpeg_surface(pictures[i].jpeg, *size);
        p.scale = std::min({1.0, kImage / size->width, kImage / size->height});
        p.w = size->width * p.scale;
        p.h = size->height * p.scale;
      }
      p.caption = d.layout(pictures[i].caption, Style::small, kCell - kGap, Align::left);
      row_height = std::max(row_height, p.h + 4 + Impl::height_of(p.caption));
      placed.push_back(std::move(p));
    }
    d.make_room(row_height);
    double x = kMargin;
    for (const auto& p : placed) {
      if (p.image)
        d.add([p, x, top = d.y](cairo_t* c) {
          cairo_save(c);
          cairo_translate(c, x, top);
          cairo_scale(c, p.scale, p.scale);
          cairo_set_source_surface(c, p.image.get(), 0, 0);
          cairo_paint(c);
          cairo_restore(c);
        });
      d.draw_layout(p.caption, x, d.y + p.h + 4, 0.35);
      x += kCell + kGap;
    }
    d.y += row_height + kGap;
  }
}

}  // namespace bulwark::render
