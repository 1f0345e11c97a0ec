#include "modules/vision/picture.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>
#include <string_view>

#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/wordcloud/module.hpp"

namespace hs::vision {

namespace {

// Each size's measures, in its units (px for the slide, pt for A4).
struct Measures {
  double width, height, margin;
  double title_size, title_height;
  double curve_size;  // the curves' labels
  double note_size, note_width, pad_x, pad_y;
  double gap, stroke;
};
constexpr Measures kSlide{1280, 720, 32, 28, 50, 20, 15, 220, 8, 5, 8, 6};
constexpr Measures kA4{842, 595, 28, 18, 32, 13, 10, 150, 5, 3.5, 5, 4};
constexpr double kLineHeight = 1.25;  // times the font size
constexpr int kMaxLines = 4;

const Measures& measures_of(PictureSize s) { return s == PictureSize::a4 ? kA4 : kSlide; }

// GOV.UK's red, blue and green: strong enough on white for text (4.5:1 and more), and
// told apart by more than colour (their words and their shapes).
const char* colour_of(Curve c) {
  switch (c) {
    case Curve::h1: return "#d4351c";
    case Curve::h2: return "#1d70b8";
    case Curve::h3: return "#00703c";
  }
  return "#0b0c0c";
}
constexpr const char* kText = "#0b0c0c";
constexpr const char* kHighlightFill = "#fff7bf";
constexpr double kLeaderWidth = 0.75;

// The site's font, read once (the word cloud's reading of it).
const Result<wordcloud::Font>& loaded(bool bold) {
  static const auto regular = wordcloud::Font::shipped(400);
  static const auto heavy = wordcloud::Font::shipped(700);
  return bold ? heavy : regular;
}
// Only after lay_out has found both fonts readable.
const wordcloud::Font& font(bool bold) {
  const auto& f = loaded(bold);
  if (!f) throw std::runtime_error("vision: the site's font is not in the binary");
  return *f;
}

double em_width(const wordcloud::Font& f, std::string_view s) { return f.measure(s).advance; }

// Where the next UTF-8 character starts after `at`.
std::size_t next_char(std::string_view s, std::size_t at) {
  ++at;
  while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// Shortens the line, a character at a time, until it fits with "..." after it.
void end_with_dots(const wordcloud::Font& f, std::string& line, double max_em) {
  while (!line.empty() && em_width(f, line + "...") > max_em) {
    std::size_t cut = 0;
    for (std::size_t i = 0; i < line.size(); i = next_char(line, i)) cut = i;
    line.erase(cut);
  }
  line += "...";
}

// Words into lines no wider than `max_em`; a word wider than a line is broken between
// characters. Past kMaxLines the last line ends in "..." (the whole note is in the text
// equivalent).
std::vector<std::string> wrap(const wordcloud::Font& f, std::string_view text, double max_em) {
  std::vector<std::string> lines;
  std::string line;
  auto push_word = [&](std::string_view word) {
    std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (em_width(f, candidate) <= max_em || line.empty()) {
      line = std::move(candidate);
    } else {
      lines.push_back(std::move(line));
      line = std::string(word);
    }
    while (em_width(f, line) > max_em) {
      std::size_t cut = next_char(line, 0);
      for (std::size_t at = cut; at < line.size(); at = next_char(line, at)) {
        if (em_width(f, std::string_view(line).substr(0, at)) > max_em) break;
        cut = at;
      }
      lines.push_back(line.substr(0, cut));
      line.erase(0, cut);
    }
  };
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find_first_of(" \n\t", at);
    if (end == std::string_view::npos) end = text.size();
    if (end > at) push_word(text.substr(at, end - at));
    at = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (lines.size() > static_cast<std::size_t>(kMaxLines)) {
    lines.resize(kMaxLines);
    end_with_dots(f, lines.back(), max_em);
  }
  return lines;
}

std::string joined(const Note& n) {
  std::string out;
  for (const auto& w : n.words) out += (out.empty() ? "" : " / ") + w.text;
  return out;
}

std::string with_count(const std::string& pattern, std::size_t n) {
  std::string out = pattern;
  auto at = out.find("{n}");
  if (at != std::string::npos) out.replace(at, 3, std::to_string(n));
  return out;
}

// A label's lines at `size`, starting `pad` inside its box.
void set_lines(PictureLabel& l, const std::vector<std::string>& lines, const wordcloud::Font& f, double pad_x,
               double pad_y) {
  l.lines.clear();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    double y = l.box.y + pad_y + static_cast<double>(i) * kLineHeight * l.size + 0.95 * l.size;
    l.lines.push_back({lines[i], l.box.x + pad_x, y, em_width(f, lines[i]) * l.size});
  }
}

std::string decimal(double v) { return number::decimal(v, 1); }

// A note's frame, twice as thick on the most voted ideas, in step with its text's size.
double frame_width(const PictureLabel& l) { return (l.bold ? 0.2 : 0.1) * l.size; }

std::string curve_path(const Plot& plot, Curve c) {
  std::string d;
  for (int i = 0; i <= 100; ++i) {
    Xy p = point_on(plot, c, i / 100.0);
    d += (i == 0 ? "M" : " L") + decimal(p.x) + " " + decimal(p.y);
  }
  return d;
}

// The point of the box's edge nearest the anchor, when the anchor is outside the box:
// where a thin line to the curve starts.
bool leader(const PictureLabel& l, Xy& from) {
  const Box& b = l.box;
  if (l.anchor.y >= b.y && l.anchor.y <= b.y + b.height && l.anchor.x >= b.x && l.anchor.x <= b.x + b.width)
    return false;
  from.x = std::clamp(l.anchor.x, b.x, b.x + b.width);
  from.y = std::clamp(l.anchor.y, b.y, b.y + b.height);
  return true;
}

cairo_status_t append(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_source(cairo_t* cr, const char* hex) {
  auto c = wordcloud::colour_of(hex);
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

void rounded(cairo_t* cr, const Box& b, double r) {
  constexpr double pi = std::numbers::pi;
  r = std::min({r, b.width / 2, b.height / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.x + b.width - r, b.y + r, r, -pi / 2, 0);
  cairo_arc(cr, b.x + b.width - r, b.y + b.height - r, r, 0, pi / 2);
  cairo_arc(cr, b.x + r, b.y + b.height - r, r, pi / 2, pi);
  cairo_arc(cr, b.x + r, b.y + r, r, pi, 3 * pi / 2);
  cairo_close_path(cr);
}

// Text is drawn through the word cloud's drawing (the same font file through cairo-ft),
// which places words at whole units: drawing at eight times the scale keeps an eighth of
// a unit's precision.
constexpr double kTextPrecision = 8;

}  // namespace

Result<bool> draw(cairo_t* cr, const Picture& p) {
  const auto& m = measures_of(p.size);
  set_source(cr, "#ffffff");
  cairo_paint(cr);

  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (Curve c : {Curve::h1, Curve::h3, Curve::h2}) {
    for (int i = 0; i <= 100; ++i) {
      Xy pt = point_on(p.plot, c, i / 100.0);
      if (i == 0) cairo_move_to(cr, pt.x, pt.y);
      else cairo_line_to(cr, pt.x, pt.y);
    }
    set_source(cr, colour_of(c));
    cairo_set_line_width(cr, m.stroke);
    cairo_stroke(cr);
  }

  // Each run of text in one font and colour; the labels' frames first.
  std::map<std::pair<bool, std::string>, wordcloud::Layout> runs;
  // Thin lines from labels set apart to their curve, under every label.
  for (const auto& l : p.labels) {
    Xy from;
    if (!l.framed || !leader(l, from)) continue;
    cairo_move_to(cr, from.x, from.y);
    cairo_line_to(cr, l.anchor.x, l.anchor.y);
    set_source(cr, colour_of(l.curve));
    cairo_set_line_width(cr, kLeaderWidth);
    cairo_stroke(cr);
  }
  for (const auto& l : p.labels) {
    if (l.framed) {
      rounded(cr, l.box, 0.35 * l.size);
      set_source(cr, l.bold ? kHighlightFill : "#ffffff");
      cairo_fill_preserve(cr);
      set_source(cr, colour_of(l.curve));
      cairo_set_line_width(cr, frame_width(l));
      if (l.horizon == Horizon::h2_minus) {
        const double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    }
    std::string colour = l.in_colour ? colour_of(l.curve) : kText;
    auto& layout = runs[{l.bold, colour}];
    for (const auto& line : l.lines) {
      wordcloud::PlacedWord w;
      w.text = line.text;
      w.size = l.size * kTextPrecision;
      w.x = static_cast<int>(std::lround(line.x * kTextPrecision));
      w.y = static_cast<int>(std::lround(line.y * kTextPrecision));
      w.advance = line.advance * kTextPrecision;
      layout.words.push_back(std::move(w));
    }
  }
  cairo_save(cr);
  cairo_scale(cr, 1 / kTextPrecision, 1 / kTextPrecision);
  for (const auto& [key, layout] : runs) {
    wordcloud::DrawOptions options;
    options.text = wordcloud::colour_of(key.second);
    auto drawn = wordcloud::draw(cr, layout, font(key.first), options);
    if (!drawn) {
      cairo_restore(cr);
      return fail(drawn.error());
    }
  }
  cairo_restore(cr);
  return true;
}


std::vector<HorizonList> note_lists(const Board& board) {
  std::vector<HorizonList> out;
  const bool sorting = board.stage >= Stage::sort;
  auto highlights = highlighted(board);
  std::map<std::int64_t, int> dots;
  for (const auto& t : vote_results(board)) dots[t.note_id] = t.dots;
  auto listed = [&](const Note* n) {
    ListedNote l;
    l.id = n->id;
    for (const auto& w : n->words) l.words.push_back(w.text);
    l.dots = dots.contains(n->id) ? dots[n->id] : 0;
    l.highlighted = std::find(highlights.begin(), highlights.end(), n->id) != highlights.end();
    return l;
  };
  for (Horizon h : {Horizon::h1, Horizon::h3, Horizon::h2_plus, Horizon::h2_minus, Horizon::h2}) {
    auto notes = notes_in(board, h);
    bool shown = h == Horizon::h1 || h == Horizon::h3 || !notes.empty() || (h == Horizon::h2 ? !sorting : sorting);
    if (!shown) continue;
    HorizonList list{h, {}};
    if (h == Horizon::h2_plus) {
      for (const auto& t : vote_results(board)) list.notes.push_back(listed(find_note(board, t.note_id)));
    } else {
      for (const Note* n : notes) list.notes.push_back(listed(n));
    }
    out.push_back(std::move(list));
  }
  return out;
}

std::string plain_text(const Board& board, const PictureWords& words) {
  std::string out = words.title.empty() ? "" : words.title + "\n\n";
  for (const auto& list : note_lists(board)) {
    switch (list.horizon) {
      case Horizon::h1: out += words.heading_h1; break;
      case Horizon::h3: out += words.heading_h3; break;
      case Horizon::h2_plus: out += words.heading_h2_plus; break;
      case Horizon::h2_minus: out += words.heading_h2_minus; break;
      case Horizon::h2: out += words.heading_h2; break;
    }
    out += "\n";
    if (list.notes.empty()) out += "- " + words.no_notes + "\n";
    for (const auto& n : list.notes) {
      std::string line;
      for (const auto& w : n.words) line += (line.empty() ? "" : " / ") + w;
      if (list.horizon == Horizon::h2_plus && board.stage >= Stage::vote)
        line += " (" + (n.dots == 1 ? words.one_dot : with_count(words.dots, static_cast<std::size_t>(n.dots))) + ")";
      out += "- " + line + "\n";
    }
    out += "\n";
  }
  return out;
}

Result<Picture> lay_out(const Board& board, const PictureWords& words, PictureSize size) {
  const auto& m = measures_of(size);
  for (bool b : {false, true})
    if (!loaded(b)) return fail(loaded(b).error());
  const auto& normal = font(false);
  const auto& bold = font(true);

  Picture p;
  p.size = size;
  p.width = m.width;
  p.height = m.height;
  p.title = words.title;
  p.family = normal.family();
  p.description = plain_text(board, words);

  // The notes, the most voted H2+ first, each wrapped to the label width at full size.
  auto highlights = highlighted(board);
  struct Item {
    const Note* note;
    bool bold;
    std::vector<std::string> lines;
  };
  std::vector<Item> items;
  for (const auto& list : note_lists(board))
    for (const auto& n : list.notes) {
      const Note* note = find_note(board, n.id);
      const auto& f = n.highlighted ? bold : normal;
      items.push_back({note, n.highlighted, wrap(f, joined(*note), (m.note_width - 2 * m.pad_x) / m.note_size)});
    }
  std::vector<LabelSize> sizes;
  for (const auto& it : items) {
    const auto& f = it.bold ? bold : normal;
    double widest = 0;
    for (const auto& l : it.lines) widest = std::max(widest, em_width(f, l));
    sizes.push_back({it.note->id, it.note->horizon, widest * m.note_size + 2 * m.pad_x,
                     static_cast<double>(it.lines.size()) * kLineHeight * m.note_size + 2 * m.pad_y, it.bold});
  }

  // The curves' labels: "H1 Today", in bold, in the curve's colour.
  const std::string curve_text[3] = {words.h1 + "  " + words.today, words.h2 + "  " + words.innovations,
                                     words.h3 + "  " + words.future};
  CurvesOptions options;
  options.width = m.width;
  options.height = m.height;
  options.margin = m.margin;
  options.title_height = words.title.empty() ? 0 : m.title_height;
  options.gap = m.gap;
  for (std::size_t c = 0; c < 3; ++c)
    options.curve_labels[c] = {0, Horizon::h1, em_width(bold, curve_text[c]) * m.curve_size + 4,
                               kLineHeight * m.curve_size, false};
  // Room for the line that says how many notes are only in the list.
  options.overflow_footer = kLineHeight * m.note_size + m.gap;
  auto layout = place_labels(sizes, options);
  p.plot = layout.plot;
  p.scale = layout.scale;
  p.overflow = layout.overflow;

  if (!words.title.empty()) {
    PictureLabel t;
    t.bold = true;
    t.framed = false;
    t.size = m.title_size;
    // One line, ending in "..." when the title is longer; the whole title is in the
    // page around the picture and in the SVG's <title>.
    const double max_em = (m.width - 2 * m.margin) / m.title_size;
    auto lines = wrap(bold, words.title, max_em);
    if (lines.size() > 1) end_with_dots(bold, lines[0], max_em);
    lines.resize(1);
    t.box = {m.margin, m.margin, em_width(bold, lines[0]) * t.size, kLineHeight * t.size};
    set_lines(t, lines, bold, 0, 0);
    p.labels.push_back(std::move(t));
  }
  for (std::size_t c = 0; c < 3; ++c) {
    const auto& placed = layout.curve_labels[c];
    if (placed.box.width <= 0) continue;
    PictureLabel l;
    l.curve = static_cast<Curve>(c);
    l.box = placed.box;
    l.anchor = placed.anchor;
    l.bold = true;
    l.framed = false;
    l.in_colour = true;
    l.size = m.curve_size;
    set_lines(l, {curve_text[c]}, bold, 2, 0);
    p.labels.push_back(std::move(l));
  }
  std::map<std::int64_t, const Item*> by_id;
  for (const auto& it : items) by_id[it.note->id] = &it;
  for (const auto& placed : layout.notes) {
    const Item& it = *by_id.at(placed.id);
    PictureLabel l;
    l.note_id = placed.id;
    l.horizon = it.note->horizon;
    l.curve = placed.curve;
    l.box = placed.box;
    l.anchor = placed.anchor;
    l.bold = it.bold;
    l.size = m.note_size * layout.scale;
    set_lines(l, it.lines, it.bold ? bold : normal, m.pad_x * layout.scale, m.pad_y * layout.scale);
    p.labels.push_back(std::move(l));
  }
  if (!p.overflow.empty()) {
    PictureLabel more;
    more.framed = false;
    more.size = m.note_size;
    std::string line = with_count(words.more, p.overflow.size());
    more.box = {m.margin, m.height - m.margin - kLineHeight * m.note_size, em_width(normal, line) * m.note_size,
                kLineHeight * m.note_size};
    set_lines(more, {line}, normal, 0, 0);
    p.labels.push_back(std::move(more));
  }
  return p;
}

std::string to_svg(const Picture& p) {
  std::string w = decimal(p.width), h = decimal(p.height);
  std::string out;
  out.reserve(4096 + p.labels.size() * 400);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " +
         h + "\" role=\"img\" aria-labelledby=\"vision-title vision-desc\">\n";
  out += "<title id=\"vision-title\">" + text::xml_escape(p.title) + "</title>\n";
  out += "<desc id=\"vision-desc\">" + text::xml_escape(p.description) + "</desc>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  const auto& m = measures_of(p.size);
  out += "<g fill=\"none\" stroke-width=\"" + decimal(m.stroke) +
         "\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n";
  for (Curve c : {Curve::h1, Curve::h3, Curve::h2})
    out += "<path stroke=\"" + std::string(colour_of(c)) + "\" d=\"" + curve_path(p.plot, c) + "\"/>\n";
  out += "</g>\n";
  out += "<g font-family=\"" + text::xml_escape("'" + p.family + "', arial, sans-serif") + "\">\n";
  out += "<g stroke-width=\"" + decimal(kLeaderWidth) + "\">\n";
  for (const auto& l : p.labels) {
    Xy from;
    if (l.framed && leader(l, from))
      out += "<line x1=\"" + decimal(from.x) + "\" y1=\"" + decimal(from.y) + "\" x2=\"" + decimal(l.anchor.x) +
             "\" y2=\"" + decimal(l.anchor.y) + "\" stroke=\"" + colour_of(l.curve) + "\"/>\n";
  }
  out += "</g>\n";
  for (const auto& l : p.labels) {
    if (l.framed) {
      out += "<rect x=\"" + decimal(l.box.x) + "\" y=\"" + decimal(l.box.y) + "\" width=\"" + decimal(l.box.width) +
             "\" height=\"" + decimal(l.box.height) + "\" rx=\"" + decimal(0.35 * l.size) + "\" fill=\"" +
             (l.bold ? kHighlightFill : "#ffffff") + "\" stroke=\"" + colour_of(l.curve) + "\" stroke-width=\"" +
             decimal(frame_width(l)) + "\"" + (l.horizon == Horizon::h2_minus ? " stroke-dasharray=\"4 3\"" : "") +
             "/>\n";
    }
    std::string fill = l.in_colour ? colour_of(l.curve) : kText;
    for (const auto& line : l.lines)
      out += "<text x=\"" + decimal(line.x) + "\" y=\"" + decimal(line.y) + "\" font-size=\"" + decimal(l.size) +
             "\" font-weight=\"" + (l.bold ? "700" : "400") + "\" fill=\"" + fill + "\" textLength=\"" +
             decimal(line.advance) + "\" lengthAdjust=\"spacingAndGlyphs\">" + text::xml_escape(line.text) +
             "</text>\n";
  }
  out += "</g>\n</svg>\n";
  return out;
}

Result<std::string> to_png(const Picture& p, double scale) {
  scale = scale > 0 && scale <= 8 ? scale : 1;
  const int w = std::max(1, static_cast<int>(std::lround(p.width * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(p.height * scale)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  auto drawn = draw(cr, p);
  cairo_destroy(cr);
  std::string out;
  cairo_status_t st = drawn ? cairo_surface_write_to_png_stream(surface, append, &out) : CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!drawn) return fail(drawn.error());
  // Encoding fails only when memory runs out: broken infrastructure, not a person's doing.
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("vision png: ") + cairo_status_to_string(st));
  return out;
}

Result<std::string> to_pdf(const Picture& p) {
  // The slide's pixels as CSS points (0.75 pt each); A4's units are points already.
  const double pt = p.size == PictureSize::a4 ? 1 : 0.75;
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, p.width * pt, p.height * pt);
  if (!p.title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, p.title.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, pt, pt);
  auto drawn = draw(cr, p);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!drawn) return fail(drawn.error());
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("vision pdf: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace hs::vision
