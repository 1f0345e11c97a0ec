#pragma once
// `humanspace wordcloud`: lays out words read as JSON and writes the layout as JSON or SVG.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/wordcloud/layout.hpp"

namespace hs::wordcloud {

struct CloudInput {
  std::string title;  // optional, for the SVG's <title> and aria-label
  std::vector<LayoutWord> words;
};

// Reads [{"text": "listening", "count": 12}, ...] or {"title": "...", "words": [...]}.
// Fails with wordcloud_input_invalid.
Result<CloudInput> parse_cloud_input(std::string_view json);

// The layout as JSON: {"width", "height", "scale", "placed", "total", "words": [{"text",
// "size", "x", "y", "rotate", "left", "top", "width", "height"}], "unplaced": [...]}.
std::string layout_json(const Layout& layout);

// Reads the input, lays it out in the shipped font and renders "json" or "svg".
// Errors: wordcloud_size_invalid, wordcloud_format_unknown, wordcloud_input_invalid,
// wordcloud_font_unreadable.
Result<std::string> render_cloud(int width, int height, std::string_view format, std::string_view input_json);

}  // namespace hs::wordcloud
