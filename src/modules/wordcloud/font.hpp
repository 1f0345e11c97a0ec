#pragma once
// The font the browser draws the cloud with, read on the server (FreeType reads the
// WOFF2 the site serves; HarfBuzz shapes, so kerning and ligatures count) to measure
// each word exactly.
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::wordcloud {

// A shaped word in em units, y growing downwards, relative to the pen at the start of
// the baseline. The ink box is the union of the glyphs' outlines.
struct TextMetrics {
  double advance = 0;
  double ink_left = 0, ink_top = 0, ink_right = 0, ink_bottom = 0;
  // Characters the font has no glyph for; their size is estimated (the browser draws
  // them with a fallback font).
  int missing = 0;
};

class Font {
 public:
  // WOFF2, WOFF, TrueType or OpenType bytes. Fails with wordcloud_font_unreadable.
  static Result<Font> from_memory(std::string_view bytes, std::string family, int weight);
  static Result<Font> from_file(const std::string& path, std::string family, int weight);
  // Atkinson Hyperlegible Next (latin subset, as the site serves it) at weight 400 or
  // 700, compiled into the binary from resources/wordcloud/fonts/.
  static Result<Font> shipped(int weight = 400);

  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;
  ~Font();

  // Safe to call from several threads at once.
  TextMetrics measure(std::string_view utf8) const;
  const std::string& family() const;
  int weight() const;
  // The font file as given (WOFF2 for the shipped font), for drawing with the very same
  // outlines (cairo_draw.hpp).
  std::string_view file_bytes() const;

 private:
  struct Impl;
  explicit Font(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hs::wordcloud
