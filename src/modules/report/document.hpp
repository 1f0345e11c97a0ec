#pragma once
// An event report as plain data: what it says, in order, and nothing about how it is
// drawn. The HTML page and the PDF (pdf.hpp) are two views of one Document, so every
// word in it is already in the reader's language (from messages and what people wrote);
// renderers add no words of their own. All text is plain UTF-8, never markup.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "modules/vision/module.hpp"
#include "modules/wordcloud/module.hpp"

namespace hs::report {

struct Paragraph {
  std::string text;  // blank lines ("\n\n") are kept as they are
};

struct BulletList {
  std::vector<std::string> items;
  bool ordered = false;  // numbered (1., 2., ...) rather than bulleted
};

// Something a person said. No attribution means it is shown unattributed: anonymous
// notes, and named ones whose authors did not agree to be named.
struct Quote {
  std::string text;
  std::optional<std::string> attribution;  // a display name, never anything more
};

// A theme the facilitator drew from the notes, with every note it holds.
struct Theme {
  int number = 0;  // shown before the title ("2."); 0: no number
  std::string title;
  std::vector<Quote> notes;
  std::int64_t id = 0;  // the theme's own; 0 for the notes in no theme
};

struct Table {
  enum class Align { start, end };  // end: numbers, so their digits line up
  std::string caption;              // optional: empty draws none
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // a short row leaves its last cells empty
  std::vector<Align> align;                    // per column; missing columns: start
};

// The word cloud as it was laid out (the words, their sizes and places on the canvas),
// drawn as vector art in the same font, scaled to fit the page.
struct WordCloudFigure {
  wordcloud::Layout layout;
  std::string alt;  // what the picture shows, in words; shown as its caption in the PDF
};

// A Three Horizons board's three-curves picture, drawn as vector art (vision::draw) scaled
// to fit the page; on the page, the board's SVG (item_id names it).
struct HorizonsFigure {
  vision::Picture picture;
  std::string alt;  // what the picture shows, in words; its caption in the PDF
  std::int64_t item_id = 0;
};

// An opinion map's map of people (dots, nobody named), on the page only: the map's SVG
// (item_id names it). Its groups and common ground follow it as text, in the PDF too.
struct OpinionFigure {
  std::string alt;
  std::int64_t item_id = 0;
};

using Block = std::variant<Paragraph, BulletList, Quote, Theme, Table, WordCloudFigure, HorizonsFigure, OpinionFigure>;

struct Section {
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::vector<std::string> subtitle;  // lines under the title: event name, date, space
  std::vector<Section> sections;
};

}  // namespace hs::report
