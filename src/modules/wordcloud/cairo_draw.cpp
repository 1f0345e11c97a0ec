#include "modules/wordcloud/cairo_draw.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>
#include <stdexcept>

#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"
#include "modules/wordcloud/palette.hpp"

namespace hs::wordcloud {

namespace {

// One FreeType library for every face drawn: it lives as long as the process, since
// cairo may keep a face (and so the library) in its caches after we let go.
std::mutex g_ft_mutex;
FT_Library library() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) return static_cast<FT_Library>(nullptr);
    return l;
  }();
  return lib;
}

// The face's bytes and FreeType face live until cairo destroys the font face.
struct FaceData {
  std::string bytes;
  FT_Face face = nullptr;
};
const cairo_user_data_key_t kFaceKey{};

void release(void* p) {
  auto* d = static_cast<FaceData*>(p);
  {
    std::lock_guard lock(g_ft_mutex);
    if (d->face) FT_Done_Face(d->face);
  }
  delete d;
}

// A cairo font face for the font's own file; nullptr when it cannot be read.
cairo_font_face_t* face_for(const Font& font) {
  auto* d = new FaceData{std::string(font.file_bytes()), nullptr};
  {
    std::lock_guard lock(g_ft_mutex);
    FT_Library lib = library();
    if (!lib || d->bytes.empty() ||
        FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(d->bytes.data()),
                           static_cast<FT_Long>(d->bytes.size()), 0, &d->face) != 0) {
      d->face = nullptr;
      release(d);
      return nullptr;
    }
  }
  cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(d->face, 0);
  if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data(face, &kFaceKey, d, release) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(face);
    release(d);
    return nullptr;
  }
  return face;
}

cairo_status_t append(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Colour colour_of(std::string_view hex) {
  auto part = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = at; i < at + 2; ++i) {
      char c = hex[i];
      v = v * 16 + (c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : 0);
    }
    return v / 255.0;
  };
  if (hex.size() != 7 || hex[0] != '#') return {};
  return {part(1), part(3), part(5), 1};
}

Result<bool> draw(_cairo* cr, const Layout& layout, const Font& font, const DrawOptions& options) {
  cairo_font_face_t* face = face_for(font);
  if (!face) return fail(ErrorCode::unavailable, "wordcloud_font_unreadable");
  cairo_save(cr);
  cairo_set_font_face(cr, face);
  // Outlines exactly as the font has them: no hinting moving glyphs to the pixel grid.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, fo);
  cairo_font_options_destroy(fo);
  cairo_set_source_rgba(cr, options.text.r, options.text.g, options.text.b, options.text.a);
  for (const auto& w : layout.words) {
    if (w.size <= 0 || w.text.empty()) continue;
    cairo_set_font_size(cr, w.size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, w.text.c_str(), &ext);
    if (options.palette) {
      auto c = colour_of(colour_for(*options.palette, w.id.empty() ? w.text : w.id));
      cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    }
    cairo_save(cr);
    cairo_translate(cr, w.x, w.y);
    if (w.rotate != 0) cairo_rotate(cr, w.rotate * std::numbers::pi / 180.0);  // clockwise, y down
    // cairo's own text shaping has no kerning; stretch to HarfBuzz's advance, which the
    // layout reserved room for (the SVG's textLength does the same).
    if (w.advance > 0 && ext.x_advance > 0) cairo_scale(cr, w.advance / ext.x_advance, 1);
    cairo_move_to(cr, 0, 0);
    cairo_show_text(cr, w.text.c_str());
    cairo_restore(cr);
  }
  cairo_restore(cr);
  cairo_font_face_destroy(face);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return fail(ErrorCode::unavailable, "wordcloud_font_unreadable");
  return true;
}

Result<std::string> png_bytes(const Layout& layout, const Font& font, const PngOptions& options) {
  const double scale = options.scale > 0 && options.scale <= 8 ? options.scale : 1;
  const int w = std::max(1, static_cast<int>(std::lround(layout.width * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(layout.height * scale)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  const auto& bg = options.background;
  cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, bg.a);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  cairo_scale(cr, scale, scale);
  auto drawn = draw(cr, layout, font, options.draw);
  cairo_destroy(cr);
  std::string out;
  cairo_status_t st = drawn ? cairo_surface_write_to_png_stream(surface, append, &out) : CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!drawn) return fail(drawn.error());
  // Encoding only fails when memory runs out: broken infrastructure, not a person's doing.
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("png: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace hs::wordcloud
