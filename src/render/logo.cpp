// Document::logo: the organization's PNG at the top of its documents.
#include <algorithm>
#include <memory>

#include "render/document_impl.hpp"

namespace bulwark::render {

namespace {

struct PngReader {
  std::string_view bytes;
  std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto& in = *static_cast<PngReader*>(closure);
  if (in.bytes.size() - in.at < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(in.bytes.data() + in.at, length, data);
  in.at += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void Document::logo(std::string_view png, double max_width, double max_height) {
  auto& d = *impl_;
  PngReader reader{png};
  std::shared_ptr<cairo_surface_t> image(
      cairo_image_surface_create_from_png_stream(read_png, &reader), cairo_surface_destroy);
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return;
  const double w = cairo_image_surface_get_width(image.get());
  const double h = cairo_image_surface_get_height(image.get());
  if (w <= 0 || h <= 0) return;
  const double scale = std::min({1.0, max_width / w, max_height / h});
  d.make_room(h * scale);
  const double top = d.y;
  d.add([image, scale, top](cairo_t* c) {
    cairo_save(c);
    cairo_translate(c, kMargin, top);
    cairo_scale(c, scale, scale);
    cairo_set_source_surface(c, image.get(), 0, 0);
    cairo_paint(c);
    cairo_restore(c);
  });
  d.y += h * scale + 8;
}

}  // namespace bulwark::render
