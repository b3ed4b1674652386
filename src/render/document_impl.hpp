#pragma once
// The builder's state (internal to src/render/): Cairo's PDF surface, Pango
// for text, and the drawing of every page kept until finish(), when the page
// count is known and each page gets its "Page i of n".
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "render/document.hpp"

namespace bulwark::render {

using Layout = std::shared_ptr<PangoLayout>;
using Draw = std::function<void(cairo_t*)>;

inline constexpr double kMargin = 48;       // points (2/3 inch)
inline constexpr double kFooterSpace = 24;  // below the body, above the margin
inline constexpr double kCellPad = 4;

struct Document::Impl {
  Impl(PageSize size, std::string_view title);
  ~Impl();
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Text laid out in `width` points with the style's font.
  Layout layout(std::string_view text, Style style, double width, Align align) const;
  static double height_of(const Layout& l);

  double content_width() const { return page_width - 2 * kMargin; }
  double body_top() const { return kMargin; }
  double body_bottom() const { return page_height - kMargin - kFooterSpace; }
  double page_space() const { return body_bottom() - body_top(); }
  double space_left() const { return body_bottom() - y; }

  void new_page();
  // A new page unless `height` fits below the cursor (unless the page is
  // still empty: what cannot fit anywhere goes where it is).
  void make_room(double height);
  void add(Draw draw) { pages.back().push_back(std::move(draw)); }
  void draw_layout(const Layout& l, double x, double top, double grey = 0);

  double page_width = 0, page_height = 0;
  std::string pdf;  // written by Cairo as it goes
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* pango = nullptr;
  std::vector<std::vector<Draw>> pages;
  double y = 0;  // the cursor on the last page
};

}  // namespace bulwark::render
