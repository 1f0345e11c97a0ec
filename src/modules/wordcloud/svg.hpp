#pragma once
// A laid-out cloud as a standalone SVG image.
#include <string>

#include "modules/wordcloud/palette.hpp"

namespace hs::wordcloud {

struct Layout;
class Font;

struct SvgOptions {
  // The cloud's name for screen readers and the <title> (e.g. the question asked);
  // the words, largest first, follow it in the aria-label. Comes from a template or
  // message file, never from C++.
  std::string title;
  // Each word in its colour from the palette, on the palette's background (a rectangle
  // under the words, so the contrast holds wherever the file is put).
  Contrast contrast = Contrast::standard;
  std::size_t label_words = 30;  // words named in the aria-label
};

// Text elements in the font family the layout was measured with, each stretched to
// its measured advance (textLength) so a fallback font cannot make words collide.
std::string to_svg(const Layout& layout, const Font& font, const SvgOptions& options = {});

}  // namespace hs::wordcloud
