#pragma once
// The word cloud's front door, the one header other modules include: checking what a
// person typed (entry), grouping and holding entries (tally), laying words out in the
// site's font (font, layout), their colours (palette) and pictures of the result (SVG,
// PNG, drawing on a cairo surface for PDF). The text pipeline it builds on (normalising,
// stems, word lists) is src/text, for any module to use.
#include <iosfwd>
#include <string>

#include "modules/wordcloud/cairo_draw.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"
#include "modules/wordcloud/palette.hpp"
#include "modules/wordcloud/rules/entry.hpp"
#include "modules/wordcloud/rules/tally.hpp"
#include "modules/wordcloud/svg.hpp"

namespace hs::wordcloud {

// `humanspace wordcloud`: lays out words read as JSON and writes the layout as JSON or SVG.
// On success writes the result to `out` and returns 0; otherwise writes the error's
// message key to std::cerr and returns 1.
int wordcloud_cli(int width, int height, std::string format, std::istream& in, std::ostream& out);

}  // namespace hs::wordcloud
