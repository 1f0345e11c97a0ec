#pragma once
// Word-cloud pictures, laid out on the server in the shipped font. The last layout of
// each item is kept in memory, so when entries arrive the words already placed keep
// their place where they can; the same words give the same picture every time.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "modules/events/rules/cloud.hpp"
#include "modules/wordcloud/module.hpp"
#include "services/fwd.hpp"

namespace hs::events::cloud {

constexpr int kWidth = 960;
constexpr int kHeight = 540;

struct Picture {
  wordcloud::Layout layout;
  std::string font_family;  // for the SVG's font-family
  int font_weight = 400;
};

// The picture of an item's shown groups (ranked). Null when the font cannot be read.
std::shared_ptr<const Picture> picture(Services& app, std::int64_t item_id, const std::vector<CloudCount>& shown);

// Room kept clear around each word's ink, in layout px: two words' ink is at least
// twice this apart, so neighbours never touch ("trust respect", not "trustrespect").
constexpr int kPadding = 3;

// A standalone SVG image of the picture, with `title` as its name for screen readers,
// in the calm palette or, with Contrast::high, white on black (wordcloud/palette.hpp).
std::string svg(const Picture& p, const std::string& title,
                wordcloud::Contrast contrast = wordcloud::Contrast::standard);

// The same picture as a PNG file drawn with cairo in the same font, `scale` pixels per
// layout pixel, on the palette's background. Empty when the font cannot be read.
std::string png(const Picture& p, double scale, wordcloud::Contrast contrast = wordcloud::Contrast::standard);

}  // namespace hs::events::cloud
