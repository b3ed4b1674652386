#include "render/document.hpp"

#include <array>
#include <stdexcept>

#include "render/document_impl.hpp"

namespace bulwark::render {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct FontSpec {
  double size;
  PangoWeight weight;
};
FontSpec font_of(Style style) {
  switch (style) {
    case Style::bold: return {10, PANGO_WEIGHT_BOLD};
    case Style::small: return {8, PANGO_WEIGHT_NORMAL};
    case Style::heading: return {12, PANGO_WEIGHT_BOLD};
    case Style::title: return {18, PANGO_WEIGHT_BOLD};
    case Style::normal: break;
  }
  return {10, PANGO_WEIGHT_NORMAL};
}

PangoAlignment pango_align(Align a) {
  switch (a) {
    case Align::center: return PANGO_ALIGN_CENTER;
    case Align::right: return PANGO_ALIGN_RIGHT;
    case Align::left: break;
  }
  return PANGO_ALIGN_LEFT;
}

// Zones of the countries that print on Letter; A4 is the rest of the world.
constexpr std::array<std::string_view, 5> kLetterPrefixes{"America/", "US/", "Canada/",
                                                          "Pacific/Honolulu", "Asia/Manila"};
// South American zones under America/ that print on A4.
constexpr std::array<std::string_view, 8> kA4InAmerica{
    "America/Argentina/", "America/Buenos_Aires", "America/Sao_Paulo", "America/Santiago",
    "America/Montevideo", "America/Asuncion",     "America/Lima",      "America/La_Paz"};

}  // namespace

PageSize page_size_for_time_zone(std::string_view zone) {
  for (auto a4 : kA4InAmerica)
    if (zone.starts_with(a4)) return PageSize::a4;
  for (auto letter : kLetterPrefixes)
    if (zone.starts_with(letter)) return PageSize::letter;
  return PageSize::a4;
}

std::string resolved_font_family() {
  PangoFontMap* map = pango_cairo_font_map_get_default();  // per thread; not ours to free
  PangoContext* ctx = pango_font_map_create_context(map);
  PangoFontDescription* want = pango_font_description_from_string(std::string(kFontFamily).c_str());
  std::string family;
  if (PangoFont* font = pango_font_map_load_font(map, ctx, want)) {
    PangoFontDescription* got = pango_font_describe(font);
    if (const char* name = pango_font_description_get_family(got)) family = name;
    pango_font_description_free(got);
    g_object_unref(font);
  }
  pango_font_description_free(want);
  g_object_unref(ctx);
  return family;
}

Document::Impl::Impl(PageSize size, std::string_view title) {
  // Points: A4 is 210 x 297 mm, Letter 8.5 x 11 in.
  page_width = size == PageSize::letter ? 612 : 595.28;
  page_height = size == PageSize::letter ? 792 : 841.89;
  surface = cairo_pdf_surface_create_for_stream(append, &pdf, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, std::string(title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Bulwark");
  // A surface in error draws nothing; finish() reports it.
  cr = cairo_create(surface);
  pango = pango_cairo_create_context(cr);
  // Points, not screen pixels; metrics unhinted, so line breaks do not
  // depend on a hinting setting of the machine.
  pango_cairo_context_set_resolution(pango, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango, options);
  cairo_font_options_destroy(options);
  new_page();
}

Document::Impl::~Impl() {
  if (pango) g_object_unref(pango);
  if (cr) cairo_destroy(cr);
  if (surface) cairo_surface_destroy(surface);
}

Layout Document::Impl::layout(std::string_view text, Style style, double width, Align align) const {
  Layout l(pango_layout_new(pango), g_object_unref);
  const FontSpec spec = font_of(style);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, std::string(kFontFamily).c_str());
  pango_font_description_set_size(font, static_cast<int>(spec.size * PANGO_SCALE));
  pango_font_description_set_weight(font, spec.weight);
  pango_layout_set_font_description(l.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l.get(), pango_align(align));
  // Plain text, never markup; bytes that are not UTF-8 become U+FFFD.
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  pango_layout_set_text(l.get(), valid, -1);
  g_free(valid);
  return l;
}

double Document::Impl::height_of(const Layout& l) {
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Document::Impl::new_page() {
  pages.emplace_back();
  y = body_top();
}

void Document::Impl::make_room(double height) {
  if (height > space_left() && y > body_top()) new_page();
}

void Document::Impl::draw_layout(const Layout& l, double x, double top, double grey) {
  add([l, x, top, grey](cairo_t* c) {
    cairo_set_source_rgb(c, grey, grey, grey);
    cairo_move_to(c, x, top);
    pango_cairo_show_layout(c, l.get());
  });
}

Document::Document(PageSize size, std::string_view title)
    : impl_(std::make_unique<Impl>(size, title)) {}
Document::~Document() = default;

void Document::title(std::string_view text) {
  auto& d = *impl_;
  const auto l = d.layout(text, Style::title, d.content_width(), Align::left);
  const double h = Impl::height_of(l);
  d.make_room(h);
  d.draw_layout(l, kMargin, d.y);
  d.y += h + 8;
}

void Document::text(std::string_view text, Style style, Align align) {
  auto& d = *impl_;
  const auto l = d.layout(text, style, d.content_width(), align);
  const double h = Impl::height_of(l);
  if (style == Style::heading && d.y > d.body_top()) d.y += 6;  // a section starts
  d.make_room(h);
  d.draw_layout(l, kMargin, d.y, style == Style::small ? 0.35 : 0);
  d.y += h + 2;
}

void Document::space(double points) {
  auto& d = *impl_;
  if (points < d.space_left()) d.y += points;
}

std::string Document::finish() {
  auto& d = *impl_;
  const auto total = d.pages.size();
  for (std::size_t i = 0; i < total; ++i) {
    for (const auto& draw : d.pages[i]) draw(d.cr);
    const auto footer = d.layout("Page " + std::to_string(i + 1) + " of " + std::to_string(total),
                                 Style::small, d.content_width(), Align::center);
    cairo_set_source_rgb(d.cr, 0.35, 0.35, 0.35);
    cairo_move_to(d.cr, kMargin, d.page_height - kMargin);
    pango_cairo_show_layout(d.cr, footer.get());
    cairo_show_page(d.cr);
  }
  cairo_surface_finish(d.surface);
  if (cairo_surface_status(d.surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo: the PDF could not be written");
  return std::move(d.pdf);
}

}  // namespace bulwark::render
