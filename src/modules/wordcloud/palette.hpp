#pragma once
// The word cloud's colours: a calm palette whose every colour meets WCAG's 4.5:1
// contrast against the background it is drawn on, and a high-contrast one (white on
// black) for projectors in bright rooms and people who need it. A word keeps its colour
// from one layout to the next: it is chosen by the word's id, not its place.
#include <string>
#include <string_view>
#include <vector>

namespace hs::wordcloud {

enum class Contrast { standard, high };

struct Palette {
  std::string background;         // "#rrggbb"
  std::vector<std::string> text;  // "#rrggbb", each at least 4.5:1 against background
};

const Palette& palette(Contrast contrast);

// "high" gives Contrast::high; anything else the standard palette (a query parameter).
Contrast contrast_from(std::string_view name);

// The colour of the word with this id (a group key; its text when it has none).
const std::string& colour_for(const Palette& p, std::string_view id);

// WCAG 2 contrast ratio of two "#rrggbb" colours, 1 to 21. 0 when either is malformed.
double contrast_ratio(std::string_view a, std::string_view b);

}  // namespace hs::wordcloud
