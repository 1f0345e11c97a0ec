#pragma once
// The word cloud's front door, the one header other modules include: checking what a
// person typed (text/entry.hpp), grouping and holding entries (text/tally.hpp, pure, so
// any module's rules may use it), laying words out in the
// site's font (font, layout), their colours (palette) and pictures of the result (SVG,
// PNG, drawing on a cairo surface for PDF). The text pipeline it builds on (normalising,
// stems, word lists) is src/text, for any module to use.
#include <iosfwd>
#include <string>

#include "modules/wordcloud/cairo_draw.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"
#include "modules/wordcloud/palette.hpp"
#include "modules/wordcloud/svg.hpp"
#include "text/entry.hpp"
#include "text/tally.hpp"

namespace hs::wordcloud {

// The entries and their tally, under the names the word cloud has always used.
using text::EntryRules;
using text::Group;
using text::GroupStatus;
using text::make_tally;
using text::Moderation;
using text::Tally;
using text::validate_entry;

// `humanspace wordcloud`: lays out words read as JSON and writes the layout as JSON or SVG.
// On success writes the result to `out` and returns 0; otherwise writes the error's
// message key to std::cerr and returns 1.
int wordcloud_cli(int width, int height, std::string format, std::istream& in, std::ostream& out);

}  // namespace hs::wordcloud
