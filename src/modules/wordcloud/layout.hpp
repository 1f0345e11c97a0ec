#pragma once
// Word-cloud layout, computed on the server with the font the browser draws with.
// Deterministic: the same words, options and previous layout give the same result.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hs::wordcloud {

class Font;

struct LayoutWord {
  std::string text;
  std::int64_t count = 0;  // words with no count are left out
  std::string id;          // who the word is across layouts (a group key); empty: the text
};

struct LayoutOptions {
  int width = 1024;
  int height = 768;
  // Font size in px before scaling: min_size + size_range * sqrt(count / max count).
  double min_size = 10;
  double size_range = 70;
  int padding = 1;                // px kept clear around each word's ink
  std::vector<int> rotations{0};  // degrees, from 0, 90 and -90; chosen per word by its id
  double max_scale = 1;           // the layout shrinks from here until every word fits
  int spiral_steps = 64;          // spiral points tried before the exact search
  // Occupancy is kept in cells of cell x cell px: 2 searches four times fewer places
  // and costs each box at most a pixel more of padding on its right and bottom.
  int cell = 2;
};

struct PlacedWord {
  std::string text;
  std::string id;
  double size = 0;   // font size in px, scale applied
  int x = 0, y = 0;  // where the text starts on its baseline (SVG x, y; text-anchor start)
  int rotate = 0;    // degrees, clockwise about (x, y)
  // The box the word reserves, ink plus padding: no two words' boxes overlap.
  int left = 0, top = 0, width = 0, height = 0;
  double advance = 0;  // the shaped text's advance width in px (SVG textLength)
};

struct Layout {
  int width = 0, height = 0;
  std::vector<PlacedWord> words;      // largest first
  std::vector<std::string> unplaced;  // ids of words that did not fit even at the smallest scale
  std::size_t total = 0;              // words given with a count
  double scale = 1;                   // font sizes were multiplied by this
  // Against the previous layout, for the words in both: mean distance their box
  // centres moved, in px, and how many kept their place (their centre moved no more
  // than one occupancy cell, which is rounding: a word that grew stays centred).
  double mean_movement = 0;
  std::size_t kept = 0;
  std::size_t attempts = 0;  // layouts tried while searching for the scale
};

// Places every word, shrinking all sizes together when they do not fit. With a
// previous layout, words in it try their old place first and move as little as they can.
Layout layout(const std::vector<LayoutWord>& words, const Font& font, const LayoutOptions& options,
              const Layout* previous = nullptr);

}  // namespace hs::wordcloud
