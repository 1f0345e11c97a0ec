#pragma once
// The three-curves picture of a Three Horizons board, in the style of an event
// infographic: three coloured curves (H1 "Today" falling, H2 "Innovations" swelling
// between, H3 "The future we want" rising), each note a small rounded label by its
// curve, the most voted H2+ ideas bolder. Laid out once (lay_out), then written as SVG,
// PNG or PDF from the same geometry, in the site's font (the word cloud's, measured with
// HarfBuzz and drawn through cairo-ft), sized for a 16:9 slide or an A4 landscape page.
//
// The SVG is written as text, not through cairo's SVG surface, so its words stay words
// (a screen reader, a search and a copy reach them) and it carries the text equivalent
// in its <desc>. Hidden and merged notes never appear; a note that does not fit even
// when every label has shrunk is counted on the picture ("12 more notes are in the
// list") and listed in the text equivalent, which names every note by horizon.
//
// No cairo header here: picture.cpp is the only file that sees cairo.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/vision/rules/curves.hpp"
#include "modules/vision/rules/horizons.hpp"

struct _cairo;  // cairo_t, as the word cloud's drawing declares it

namespace hs::vision {

enum class PictureSize {
  slide,  // 1280 x 720 px (PDF: 960 x 540 pt)
  a4,     // A4 landscape, 842 x 595 units = points
};

// The words people read, from the caller's message catalogue (messages/en/vision.txt,
// keys in brackets); none are in C++.
struct PictureWords {
  std::string title;             // the board's question or name
  std::string h1 = "H1";         // [vision_h1_short] the curves' short names
  std::string h2 = "H2";         // [vision_h2_short]
  std::string h3 = "H3";         // [vision_h3_short]
  std::string today;             // [vision_h1_name] "Today"
  std::string innovations;       // [vision_h2_name] "Innovations"
  std::string future;            // [vision_h3_name] "The future we want"
  std::string heading_h1;        // [vision_heading_h1] text equivalent's headings
  std::string heading_h3;        // [vision_heading_h3]
  std::string heading_h2_plus;   // [vision_heading_h2_plus]
  std::string heading_h2_minus;  // [vision_heading_h2_minus]
  std::string heading_h2;        // [vision_heading_h2] not sorted yet
  std::string dots;              // [vision_dots] "{n} dots"
  std::string one_dot;           // [vision_one_dot] "1 dot"
  std::string more;              // [vision_more_notes] "{n} more notes are in the list"
  std::string no_notes;          // [vision_no_notes] "No notes"
};

// One label as drawn: its lines at its font size, their baselines' start.
struct PictureLine {
  std::string text;
  double x = 0, y = 0;  // baseline start
  double advance = 0;   // the shaped line's width, kept exactly when drawn
};
struct PictureLabel {
  std::int64_t note_id = 0;  // 0 for the curves' labels and the title
  Horizon horizon = Horizon::h1;
  Curve curve = Curve::h1;
  Box box;
  Xy anchor;
  bool bold = false;
  bool framed = true;      // notes are framed; the title and curve labels are not
  bool in_colour = false;  // text in its curve's colour (the curves' labels)
  double size = 0;         // font size
  std::vector<PictureLine> lines;
};

struct Picture {
  PictureSize size = PictureSize::slide;
  double width = 0, height = 0;
  Plot plot;
  std::vector<PictureLabel> labels;    // the title, the curves' labels, then the notes
  std::vector<std::int64_t> overflow;  // notes not in the picture (they are in the list)
  double scale = 1;                    // the notes' labels shrank to this
  std::string description;             // the text equivalent, for the SVG's <desc>
  std::string title;
  std::string family;  // the font family, for the SVG
};

// Lays out every note in the results. Fails only when the font cannot be read
// (wordcloud_font_unreadable).
Result<Picture> lay_out(const Board& board, const PictureWords& words, PictureSize size = PictureSize::slide);

std::string to_svg(const Picture& picture);
// `scale`: pixels per unit (2 for a sharper image). Fails with wordcloud_font_unreadable.
Result<std::string> to_png(const Picture& picture, double scale = 1);
// Vector art on one page of the picture's size. Fails with wordcloud_font_unreadable.
Result<std::string> to_pdf(const Picture& picture);
// Draws the picture at its own size (picture.width x picture.height units, white behind
// it) onto the caller's cairo context, as to_png and to_pdf do: the event report's PDF
// draws it in place among its pages. Fails with wordcloud_font_unreadable.
Result<bool> draw(_cairo* cr, const Picture& picture);

// --- The text equivalent -----------------------------------------------------------------

struct ListedNote {
  std::int64_t id = 0;
  std::vector<std::string> words;  // every author's words, as merged; no names
  int dots = 0;
  bool highlighted = false;
};
struct HorizonList {
  Horizon horizon = Horizon::h1;
  std::vector<ListedNote> notes;  // H2+ most voted first; the others in the board's order
};
// Every note in the results by horizon, in reading order: H1, H3, H2+, H2-, then H2 not
// yet sorted (left out when empty once sorting has begun).
std::vector<HorizonList> note_lists(const Board& board);
// The same as plain text: the title, then each horizon's heading and its notes, one a
// line ("- words / other words (3 dots)").
std::string plain_text(const Board& board, const PictureWords& words);

}  // namespace hs::vision
