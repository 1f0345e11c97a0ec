#pragma once
// The canvas as a 1-bit occupancy bitmap, 64 cells to a machine word, for placing boxes.
#include <cstdint>
#include <optional>
#include <vector>

namespace hs::wordcloud {

struct Point {
  int x = 0, y = 0;
};

class Board {
 public:
  Board(int width, int height);

  int width() const { return w_; }
  int height() const { return h_; }
  void clear();

  // True when the w x h box with its top left at (x, y) lies on the canvas and covers
  // no occupied pixel.
  bool fits(int x, int y, int w, int h) const;
  // Marks the box occupied (clipped to the canvas).
  void fill(int x, int y, int w, int h);

  // Of all positions where a w x h box fits, the top left nearest to (tx, ty) in the
  // canvas's elliptical metric, (dx/aspect)^2 + dy^2 with aspect = width/height: the
  // order in which an Archimedean spiral stretched to the canvas reaches points as its
  // turns grow close. Ties are broken the same way every time. Nothing when no
  // position is free. Searches remember, per box height, where boxes did not fit, so
  // a run of boxes of one height and growing widths (as the layout orders words)
  // mostly skips to each row's frontier.
  std::optional<Point> nearest_fit(int w, int h, int tx, int ty);

 private:
  struct Band {
    int h = 0;
    std::uint64_t used = 0;
    std::vector<std::uint64_t> rows;  // row y: OR of canvas rows y .. y+h-1
    // What earlier searches learnt: no box of width >= known_w[y] fits with its top
    // left in row y and columns known_lo[y] .. known_hi[y]. Boxes only ever get added,
    // so this stays true, and the next search in the row starts past it.
    std::vector<int> known_lo, known_hi, known_w;
  };
  Band& band(int h);
  void mark(std::vector<std::uint64_t>& rows, int y0, int y1, int x, int w) const;

  int w_, h_, stride_;
  std::vector<std::uint64_t> bits_;  // bit i of word k in a row is column 64k + i
  std::vector<Band> bands_;          // a few recently used heights, kept up to date
  std::uint64_t clock_ = 0;
  std::int64_t hint_ = 0;  // distance of the last fit found, in rows
};

}  // namespace hs::wordcloud
