#pragma once
// A laid-out cloud drawn with cairo, in the very font file the layout was measured with
// (FreeType through cairo-ft): PNG downloads now, and vector art on a PDF surface for
// reports later, from one drawing function. No cairo header here: cairo_t is
// `struct _cairo`, declared below, so callers pass their cairo_t* as it is.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

struct _cairo;

namespace hs::wordcloud {

struct Layout;
class Font;

struct Colour {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1
};

struct Palette;

struct DrawOptions {
  Colour text{11 / 255.0, 12 / 255.0, 12 / 255.0, 1};  // #0b0c0c, when there is no palette
  const Palette* palette = nullptr;                    // each word in its colour (palette.hpp), as the SVG draws it
};

// "#rrggbb" as a colour; black when malformed.
Colour colour_of(std::string_view hex);

// Draws every placed word at its place in layout units (1 unit = 1 px of the layout);
// scale or translate `cr` first to fit any surface. Each word is stretched to its
// measured advance, as the SVG's textLength does, so no two words' boxes overlap.
// Leaves the context's state as it found it. Fails with wordcloud_font_unreadable.
Result<bool> draw(_cairo* cr, const Layout& layout, const Font& font, const DrawOptions& options = {});

struct PngOptions {
  double scale = 1;               // pixels per layout unit (2: twice as wide and tall)
  Colour background{1, 1, 1, 1};  // alpha 0: transparent
  DrawOptions draw;
};

// The cloud as a PNG file's bytes, round(width*scale) x round(height*scale) pixels.
Result<std::string> png_bytes(const Layout& layout, const Font& font, const PngOptions& options = {});

}  // namespace hs::wordcloud
