#pragma once
// The three-curves picture's geometry, apart from any drawing: H1 (today's system) falls
// from high on the left to low on the right, H3 (the future people want) rises, and H2
// (the innovations) swells between them and fades, crossing both. Each note's label is
// a box placed along its horizon's curve: H1 notes where H1 is still strong (the left),
// H3 notes where H3 has grown (the right), H2- notes on the left of H2's swell (they prop
// up H1) and H2+ on its right (they lead to H3).
//
// The contract: no two boxes overlap (the curves' own labels included, each kept `gap`
// apart), and every box is inside the canvas. When not every note fits, all boxes shrink
// together (the caller draws at `scale`), down to min_scale; notes that still do not fit
// are left out of the picture and listed in `overflow`, for the caller to name in a key
// or the text equivalent. Deterministic: the same input gives the same layout.
#include <array>
#include <cstdint>
#include <vector>

#include "modules/vision/rules/horizons.hpp"

namespace hs::vision {

enum class Curve { h1, h2, h3 };
Curve curve_of(Horizon h);

struct Box {
  double x = 0, y = 0, width = 0, height = 0;  // left, top; y grows downwards
};
// True when the boxes share any area (touching edges do not).
bool overlaps(const Box& a, const Box& b);

struct Xy {
  double x = 0, y = 0;
};

// Where the curves are drawn: the canvas less its margins and the room kept for a title.
struct Plot {
  double left = 0, top = 0, width = 0, height = 0;
};
// A curve's height at t (0 at the left of the plot, 1 at its right), from 0 (the plot's
// bottom) to 1 (its top).
double level(Curve c, double t);
Xy point_on(const Plot& plot, Curve c, double t);

struct LabelSize {
  std::int64_t id = 0;
  Horizon horizon = Horizon::h1;
  double width = 0, height = 0;  // at scale 1, padding included
  bool highlighted = false;      // placed first, so the most voted ideas get the best places
};

struct CurvesOptions {
  double width = 1280, height = 720;
  double margin = 24;
  double title_height = 0;     // kept clear at the top (under the margin) for the caller's title
  double footer_height = 0;    // kept clear at the bottom
  double overflow_footer = 0;  // and this too when not every note fits, to say so
  double gap = 6;              // clear space between any two boxes
  double min_scale = 0.6;      // the smallest the notes may shrink to before overflowing
  // The curves' own labels ("H1 Today", ...), by Curve; placed first, at scale 1, by
  // the curve's end (H1 at its start, H3 at its end, H2 over its swell).
  std::array<LabelSize, 3> curve_labels{};
};

struct PlacedLabel {
  std::int64_t id = 0;
  Curve curve = Curve::h1;
  Box box;    // scaled
  Xy anchor;  // the point on the curve the box belongs to, for a leader line
  bool highlighted = false;
};

struct CurvesLayout {
  double width = 0, height = 0;
  Plot plot;
  double scale = 1;                           // every note's box is its size times this
  std::array<PlacedLabel, 3> curve_labels{};  // by Curve
  std::vector<PlacedLabel> notes;             // in the order given
  std::vector<std::int64_t> overflow;         // not placed, in the order given
};

// The highlighted labels claim places first, then the others taking turns by horizon,
// each horizon's in the order given; a box larger than the plot overflows at once.
CurvesLayout place_labels(const std::vector<LabelSize>& labels, const CurvesOptions& options);

}  // namespace hs::vision
